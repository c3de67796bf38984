import { json, object, path, query, staff, staffErrors } from './parts.js';

const outcomes =
  'for each outcome the survey marks: shown with n (complete answers), model (linear or logistic), df, and the candidate drivers ranked by |r|, each with its correlation (r, Fisher 95% CI) and standardised model coefficient (estimate, SE, 95% CI; log-odds per SD for a flag); or not shown, with the reason and a plain explanation and no figures. Each outcome and driver has its label and, where the survey has Welsh, labelCy';

// The driver analysis: what goes with each outcome (association, not cause), over groups of at
// least DRIVER_MIN_GROUP_SIZE complete answers in published waves only.
export const driverPaths = {
  '/api/v1/pilots/{code}/drivers': {
    get: {
      ...staff,
      summary:
        "What goes with intending to leave and with job satisfaction in a council's published wave: correlations and a standardised multivariable model, kept as first published",
      parameters: [path('code', 'DfE old_la_code, e.g. 855'), query('wave', 'wave id')],
      responses: {
        200: json(
          object,
          `council, wave, driverMinGroupSize, outcomes: ${outcomes} (admin, researcher, or an HR lead of the council)`,
        ),
        ...staffErrors(400, 404),
      },
    },
  },
  '/api/v1/drivers': {
    get: {
      ...staff,
      summary:
        'The same for each arm of a published wave, over the councils whose own count reaches the minimum group size',
      parameters: [query('wave', 'wave id')],
      responses: {
        200: json(
          object,
          `wave, driverMinGroupSize, arms: [{ arm, councils, outcomes }]; outcomes: ${outcomes} (admin or researcher)`,
        ),
        ...staffErrors(400, 404),
      },
    },
  },
};
