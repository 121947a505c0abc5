import { describeSignInCredential } from './sign-in-credential-suite.js';

describeSignInCredential('certificate');
