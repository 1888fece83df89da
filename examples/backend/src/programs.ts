/** The demo brand's programs, kept as parsed JSON in its own table. */
import { type Program, type ProgramInput, programSchema } from '@referkit/events';
import type { SqlClient } from './database.js';

/** Every program the brand runs, parsed (defaults filled in). */
export async function loadPrograms(client: SqlClient): Promise<Program[]> {
  const { rows } = await client.query<{ program: unknown }>('SELECT program FROM demo_programs ORDER BY created_at');
  return rows.map((row) =>
    programSchema.parse(typeof row.program === 'string' ? JSON.parse(row.program) : row.program),
  );
}

/** Saves a program unless one with its id exists; answers the parsed program. */
export async function saveProgram(client: SqlClient, input: ProgramInput): Promise<Program> {
  const program = programSchema.parse(input);
  await client.query('INSERT INTO demo_programs (id, program) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [
    program.id,
    JSON.stringify(program),
  ]);
  return program;
}

/** Replaces a saved program with a changed copy, checked again so that only a valid program is kept. */
export async function replaceProgram(client: SqlClient, input: ProgramInput): Promise<Program> {
  const program = programSchema.parse(input);
  await client.query('UPDATE demo_programs SET program = $2 WHERE id = $1', [program.id, JSON.stringify(program)]);
  return program;
}
