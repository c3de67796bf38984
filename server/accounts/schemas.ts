import { z } from 'zod';
import { ROLES } from './model.js';
import { normaliseEmail } from './rules.js';

export const Email = z.string().trim().max(254).pipe(z.email('must be an email address')).transform(normaliseEmail);
export const Password = z
  .string()
  .min(12, 'must be at least 12 characters')
  .max(1024, 'must be at most 1024 characters');
export const Role = z.enum(ROLES, 'must be admin, hr_lead or researcher');
export const PilotCodes = z
  .array(z.string().regex(/^\d{3}$/, 'must be a three-digit council code, e.g. 855'))
  .max(200)
  .transform((codes) => [...new Set(codes)].sort());

// Sign-in takes any string, so a wrongly shaped email gets the same answer as a wrong password.
export const SignInBody = z.strictObject({
  email: z.string().max(1000).transform(normaliseEmail),
  password: z.string().max(1024),
});

type Scoped = { role?: z.infer<typeof Role>; pilots?: string[] };

// An HR lead needs at least one council; the other roles see all councils and name none.
export function checkScope(value: Scoped, ctx: z.RefinementCtx) {
  if (value.role === 'hr_lead' && value.pilots !== undefined && value.pilots.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['pilots'], message: 'an HR lead needs at least one council' });
  }
  if (value.role && value.role !== 'hr_lead' && value.pilots?.length) {
    ctx.addIssue({
      code: 'custom',
      path: ['pilots'],
      message: 'only HR leads are limited to councils; leave pilots out',
    });
  }
}

export const NewUser = z
  .strictObject({
    email: Email,
    role: Role,
    pilots: PilotCodes.default([]),
    password: Password.optional(),
  })
  .superRefine(checkScope);
export type NewUser = z.input<typeof NewUser>;

export const UserChange = z
  .strictObject({
    role: Role.optional(),
    pilots: PilotCodes.optional(),
    disabled: z.boolean().optional(),
    resetPassword: z.literal(true).optional(),
  })
  .refine(
    (v) => Object.values(v).some((x) => x !== undefined),
    'give at least one of role, pilots, disabled or resetPassword',
  );
export type UserChange = z.infer<typeof UserChange>;
