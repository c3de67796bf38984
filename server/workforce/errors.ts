import { AppError } from '../errors.js';

// Any defect that makes a DfE file untrustworthy rejects the whole file, so an import never
// half-applies. It names the physical line and the column (by header name) so the person
// uploading can find the cell; 422 because the upload arrived but its content is unusable.
export class WorkforceFileError extends AppError {
  constructor(
    readonly line: number,
    readonly column: string | null,
    readonly problem: string,
  ) {
    super(422, 'workforce_file_invalid', `line ${line}${column ? `, column ${column}` : ''}: ${problem}`, [
      { line, column },
    ]);
    this.name = 'WorkforceFileError';
  }
}
