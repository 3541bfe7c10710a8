import { generateVolume } from './generate';

const USAGE = `Usage: npm run seed:volume -- --cases N [--seed S] [--until YYYY-MM-DD] [--batch N] [--database-url URL]
  Appends N generated cases to a Ruta database (DATABASE_URL, set by scripts/seed-volume.js).
  Añade N casos generados a una base de datos de Ruta.`;

function parse(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m) throw new Error(`unexpected argument ${argv[i]}`);
    out[m[1]] = m[2] ?? argv[++i];
  }
  return out;
}

/** The generator's command line; scripts/seed-volume.js chooses the database and the keys, then runs it. */
async function main(): Promise<void> {
  const args = parse(process.argv.slice(2));
  const url = process.env.DATABASE_URL;
  if (!args.cases || !url) throw new Error(USAGE);
  const int = (name: string, value: string | undefined) => {
    if (value === undefined) return undefined;
    if (!/^\d+$/.test(value)) throw new Error(`--${name} must be a whole number`);
    return Number(value);
  };
  const env = process.env;
  const report = await generateVolume({
    databaseUrl: url,
    cases: int('cases', args.cases)!,
    seed: int('seed', args.seed),
    until: args.until,
    batchSize: int('batch', args.batch),
    demoPassword: env.DEMO_PASSWORD,
    argon2: {
      memoryCost: Number(env.ARGON2_MEMORY_KIB ?? 19456), timeCost: Number(env.ARGON2_TIME_COST ?? 2), parallelism: Number(env.ARGON2_PARALLELISM ?? 1),
    },
    log: (line) => process.stdout.write(`${line}\n`),
  });
  process.stdout.write(`\n${report.added.toLocaleString('en')} cases added in ${report.seconds} s / ${report.added.toLocaleString('es')} casos añadidos en ${report.seconds} s\n`);
  for (const [table, rows] of Object.entries(report.rows)) process.stdout.write(`  ${table.padEnd(20)} ${rows.toLocaleString('en').padStart(12)}\n`);
}

main().catch((err: Error) => {
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
});
