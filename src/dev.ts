import { configFromProcess, relaunchTrustingDemoCa, startApp, stopOnSignals } from './main.js';
import { createLogger } from './observability/logger.js';
import { startPlayground } from './playground/playground.js';

/**
 * `npm run dev`: the bot on its embedded defaults (demo tenant, SQLite) plus the Microsoft 365 Agents
 * Playground pointed at it. Prints the URL to open.
 */
async function dev(): Promise<void> {
  const config = configFromProcess();
  if (config.mode !== 'demo') {
    console.error(
      'npm run dev runs the demo tenant and the Agents Playground, which cannot send Bot Framework tokens.\n' +
        'BOT_ID is set (tenant mode): unset it for the demo, or use `npm start` with a real Azure Bot.',
    );
    process.exit(1);
  }
  if (relaunchTrustingDemoCa(config)) return;
  const logger = createLogger({ level: config.logLevel });
  const app = await startApp(config, { logger });
  const playground = await startPlayground({
    botEndpoint: `http://127.0.0.1:${app.port}/api/messages`,
    logger: logger.child({ component: 'playground' }),
  });
  stopOnSignals(async () => {
    await playground.stop();
    await app.stop();
  }, logger);
  console.log(
    [
      '',
      '  BitLocker Recovery Bot is running in demo mode.',
      `  Open the Agents Playground:  ${playground.url}`,
      `  Demo sign-in page:           ${app.demoTenant?.signInOrigin ?? ''}`,
      '  Say "hi" in the personal chat. Ctrl+C stops everything.',
      '',
    ].join('\n'),
  );
}

dev().catch((error: unknown) => {
  console.error('npm run dev failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
