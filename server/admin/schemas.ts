import { z } from 'zod';

const Day = z.iso.date('must be a date as YYYY-MM-DD');
const Name = z.string().trim().min(1, 'must not be empty').max(200);
const CouncilCode = z.string().regex(/^\d{3}$/, 'must be a three-digit DfE council code, e.g. 855');
const Arm = z.enum(['pilot', 'comparison'], 'must be pilot or comparison');
const Headcount = z.number().int('must be a whole number').min(1).max(100_000);

const changesSomething = (v: Record<string, unknown>) => Object.values(v).some((x) => x !== undefined);
const nothingToChange = { message: 'give at least one field to change' };

export const NewCouncil = z.strictObject({
  code: CouncilCode,
  name: Name,
  arm: Arm,
  region: z.string().trim().min(1).max(100).optional(),
  practiceModelStart: Day.optional(),
});

// null clears an optional field.
export const CouncilChange = z
  .strictObject({
    name: Name.optional(),
    arm: Arm.optional(),
    region: z.string().trim().min(1).max(100).nullable().optional(),
    practiceModelStart: Day.nullable().optional(),
  })
  .refine(changesSomething, nothingToChange);

export const WaveId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be lower-case letters, digits and -, up to 40 characters');
const SurveyVersion = z.number().int('must be a whole number').min(1);

export const NewWave = z
  .strictObject({
    id: WaveId,
    name: Name,
    opensOn: Day,
    closesOn: Day,
    surveyId: z.string().min(1).max(100),
    surveyVersion: SurveyVersion,
  })
  .refine((w) => w.closesOn >= w.opensOn, { path: ['closesOn'], message: 'must be on or after opensOn' });

export const WaveChange = z
  .strictObject({
    name: Name.optional(),
    opensOn: Day.optional(),
    closesOn: Day.optional(),
    surveyId: z.string().min(1).max(100).optional(),
    surveyVersion: SurveyVersion.optional(),
  })
  .refine(changesSomething, nothingToChange);
export type WaveChange = z.infer<typeof WaveChange>;

export const NewCampaign = z.strictObject({
  pilotCode: CouncilCode,
  headcount: Headcount.optional(),
  allowFreeText: z.boolean().optional(),
  requireInvitation: z.boolean().optional(),
});

export const CampaignChange = z
  .strictObject({
    headcount: Headcount.nullable().optional(),
    allowFreeText: z.boolean().optional(),
    requireInvitation: z.boolean().optional(),
    closed: z.boolean().optional(),
  })
  .refine(changesSomething, nothingToChange);
