import { findCase, recordDenied, roleOf } from '#src/modules/cases/index.ts';
import { ROLE_PERMISSIONS } from '#src/platform/access.ts';
import type { Context } from '#src/platform/context.ts';
import { forbidden, notFound } from '#src/platform/errors.ts';
import { PersonRepository } from './person.repository.ts';
import { showPerson } from './persons.ts';
import type { PersonDetail } from './schemas.ts';

/**
 * A person by id alone (the CLI's `persons show ID`): someone outside the case is told there is
 * no such person; a member whose role may not read persons is refused, and the refusal recorded
 * (so this runs outside a transaction: the refusal's own commits, the opening's commits with it).
 */
export async function showPersonById(ctx: Context, id: string): Promise<PersonDetail> {
  const row = await ctx.repo(PersonRepository).findById(id);
  const role = row && ctx.actor.userId ? await roleOf(ctx, row.case_id, ctx.actor.userId) : null;
  const c = row && role ? await findCase(ctx, row.case_id) : undefined;
  if (!row || !role || !c) throw notFound('person.not_found', `no person ${id} that you may see`);
  if (!ROLE_PERMISSIONS[role].includes('person.read')) {
    await recordDenied(ctx, c.id, 'person.read', role);
    throw forbidden('auth.role', `your role in this case (${role}) does not allow person.read`);
  }
  return ctx.transaction((tx) => showPerson(tx, { case: c, role }, id));
}
