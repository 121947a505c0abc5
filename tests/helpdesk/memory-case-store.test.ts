import { describeCaseStoreContract, describeChannelStoreContract } from './case-store-contract.js';
import { MemoryCaseStore, MemoryChannelStore } from './memory-case-store.js';

describeCaseStoreContract('in memory', async () => new MemoryCaseStore());
describeChannelStoreContract('in memory', async () => new MemoryChannelStore());
