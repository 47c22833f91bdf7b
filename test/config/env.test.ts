import { ConfigError } from '../../src/config/errors';
import { loadEnv, requireBotToken } from '../../src/config/env';

const TOKEN = '123456789:AAHfYbGq2x0example-token_abc';

function errorOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('loadEnv', () => {
  it('reads every variable', () => {
    expect(
      loadEnv({
        BOT_TOKEN: TOKEN,
        MONGODB_URI: 'mongodb+srv://u:p@cluster0.example.net/helpdesk',
        STAFF_CHAT_ID: '-1001234567890',
        TELEGRAM_API_ROOT: 'http://localhost:8081',
        OFFICE_CONFIG: 'config/office.yaml',
        OFFICE_TIMEZONE: 'America/New_York',
        LOG_LEVEL: 'debug',
        PORT: '8080',
      }),
    ).toEqual({
      botToken: TOKEN,
      mongodbUri: 'mongodb+srv://u:p@cluster0.example.net/helpdesk',
      staffChatId: -1001234567890,
      telegramApiRoot: 'http://localhost:8081',
      officeConfigPath: 'config/office.yaml',
      officeTimezone: 'America/New_York',
      logLevel: 'debug',
      port: 8080,
      pollingTakeover: 30_000,
      databaseTimeout: 1000,
    });
  });

  it('defaults to Shanghai time and info logging whatever the server zone', () => {
    expect(loadEnv({ TZ: 'America/New_York' })).toEqual({ officeTimezone: 'Asia/Shanghai', logLevel: 'info', pollingTakeover: 30_000, databaseTimeout: 1000 });
  });

  it('treats empty strings as unset and trims values', () => {
    expect(loadEnv({ BOT_TOKEN: '', STAFF_CHAT_ID: '  ', OFFICE_TIMEZONE: '', PORT: '' })).toEqual({
      officeTimezone: 'Asia/Shanghai',
      logLevel: 'info',
      pollingTakeover: 30_000,
      databaseTimeout: 1000,
    });
    expect(loadEnv({ STAFF_CHAT_ID: ' -100123 ', LOG_LEVEL: 'WARN' })).toMatchObject({ staffChatId: -100123, logLevel: 'warn' });
  });

  it('rejects a malformed BOT_TOKEN without echoing it, with an example', () => {
    const e = errorOf(() => loadEnv({ BOT_TOKEN: 'my-secret-token' }));
    expect(e.source).toBe('environment');
    expect(e.message).toMatch(/^Invalid configuration in environment:/);
    expect(e.problems).toHaveLength(1);
    expect(e.problems[0]).toMatch(/^BOT_TOKEN: .*@BotFather/);
    expect(e.problems[0]).toMatch(/example: BOT_TOKEN=123456789:/);
    expect(e.message).not.toContain('my-secret-token');
  });

  it('rejects a non-numeric STAFF_CHAT_ID, naming it and showing a group id', () => {
    const e = errorOf(() => loadEnv({ STAFF_CHAT_ID: 'staff-group' }));
    expect(e.problems).toHaveLength(1);
    expect(e.problems[0]).toMatch(/^STAFF_CHAT_ID: "staff-group" is not an integer chat id/);
    expect(e.problems[0]).toContain('example: STAFF_CHAT_ID=-1001234567890');
  });

  it('rejects an unknown time zone, naming it and showing a valid one', () => {
    const e = errorOf(() => loadEnv({ OFFICE_TIMEZONE: 'Beijing' }));
    expect(e.problems).toEqual([
      'OFFICE_TIMEZONE: is not a known IANA time zone name (Region/City, case sensitive) (example: OFFICE_TIMEZONE=Asia/Shanghai)',
    ]);
  });

  it('reports every bad variable at once', () => {
    const e = errorOf(() =>
      loadEnv({
        MONGODB_URI: 'localhost:27017',
        TELEGRAM_API_ROOT: 'ftp://x',
        LOG_LEVEL: 'verbose',
        PORT: '70000',
        STAFF_CHAT_ID: '12.5',
      }),
    );
    expect(e.problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'LOG_LEVEL',
      'MONGODB_URI',
      'PORT',
      'STAFF_CHAT_ID',
      'TELEGRAM_API_ROOT',
    ]);
    expect(e.message).toContain('PORT: must be between 1 and 65535 (example: PORT=8080)');
  });
});

describe('webhook mode', () => {
  const SECRET = 'a1b2c3d4e5f6a7b8c9d0';
  it('reads WEBHOOK_URL (without a trailing slash) and WEBHOOK_SECRET', () => {
    expect(loadEnv({ WEBHOOK_URL: 'https://bot.example.com/', WEBHOOK_SECRET: SECRET, PORT: '8080' })).toMatchObject({
      webhookUrl: 'https://bot.example.com',
      webhookSecret: SECRET,
      port: 8080,
    });
  });

  it('needs a secret and a port with a webhook URL', () => {
    const e = errorOf(() => loadEnv({ WEBHOOK_URL: 'https://bot.example.com' }));
    expect(e.problems.map((p) => p.split(':')[0]).sort()).toEqual(['PORT', 'WEBHOOK_SECRET']);
    expect(e.message).toContain('openssl rand -hex 32');
  });

  it('refuses plain http, a query, and a short or odd secret, without echoing the secret', () => {
    const e = errorOf(() => loadEnv({ WEBHOOK_URL: 'http://bot.example.com', WEBHOOK_SECRET: 'short', PORT: '8080' }));
    expect(e.problems.map((p) => p.split(':')[0]).sort()).toEqual(['WEBHOOK_SECRET', 'WEBHOOK_URL']);
    expect(e.message).toContain('https://');
    expect(e.message).not.toContain('"short"');
    const q = errorOf(() => loadEnv({ WEBHOOK_URL: 'https://bot.example.com/?x=1', WEBHOOK_SECRET: 'has spaces in it, sixteen+', PORT: '8080' }));
    expect(q.problems.map((p) => p.split(':')[0]).sort()).toEqual(['WEBHOOK_SECRET', 'WEBHOOK_URL']);
  });
});

describe('POLLING_TAKEOVER', () => {
  it('is a duration of at least 2 seconds', () => {
    expect(loadEnv({ POLLING_TAKEOVER: '10s' }).pollingTakeover).toBe(10_000);
    expect(loadEnv({ POLLING_TAKEOVER: '2m' }).pollingTakeover).toBe(120_000);
    expect(errorOf(() => loadEnv({ POLLING_TAKEOVER: '1s' })).problems[0]).toMatch(/^POLLING_TAKEOVER: must be at least 2s.*POLLING_TAKEOVER=30s/);
    expect(errorOf(() => loadEnv({ POLLING_TAKEOVER: '30' })).problems[0]).toMatch(/^POLLING_TAKEOVER: .*no unit/);
  });
});

describe('requireBotToken', () => {
  it('returns the token when set', () => {
    expect(requireBotToken(loadEnv({ BOT_TOKEN: TOKEN }))).toBe(TOKEN);
  });

  it('explains how to get one when missing', () => {
    const e = errorOf(() => requireBotToken(loadEnv({})));
    expect(e.problems[0]).toMatch(/^BOT_TOKEN: not set/);
    expect(e.problems[0]).toContain('@BotFather');
    expect(e.problems[0]).toContain('/newbot');
    expect(e.problems[0]).toContain('.env');
  });
});

describe('the web dashboard', () => {
  it('reads DASHBOARD_PORT, PUBLIC_URL (without a trailing slash) and DASHBOARD_SECRET', () => {
    const env = loadEnv({ BOT_TOKEN: TOKEN, DASHBOARD_PORT: '8081', PUBLIC_URL: 'https://helpdesk.example.com/', DASHBOARD_SECRET: 'a'.repeat(32) });
    expect([env.dashboardPort, env.publicUrl, env.dashboardSecret]).toEqual([8081, 'https://helpdesk.example.com', 'a'.repeat(32)]);
  });

  it('refuses a dashboard port without the address its links point to, and a bad address or short secret', () => {
    expect(errorOf(() => loadEnv({ BOT_TOKEN: TOKEN, DASHBOARD_PORT: '8081' })).problems).toEqual([expect.stringMatching(/^PUBLIC_URL: not set, but DASHBOARD_PORT is/)]);
    const e = errorOf(() => loadEnv({ BOT_TOKEN: TOKEN, DASHBOARD_PORT: '8081', PUBLIC_URL: 'ftp://x?y', DASHBOARD_SECRET: 'short' }));
    expect(e.problems).toEqual([expect.stringMatching(/^PUBLIC_URL: /), expect.stringMatching(/^DASHBOARD_SECRET: /)]);
    expect(e.message).not.toContain('short');
  });
});
