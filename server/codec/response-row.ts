// One stored response as exports read it; nothing else of it is ever read.
export type ResponseRow = {
  pilotCode: string;
  waveId: string;
  surveyId: string;
  surveyVersion: number;
  day: string;
  answers: Record<string, unknown>;
};

// Disclosure control counts and suppresses per council × wave: this names the group.
export const groupKey = (pilotCode: string, waveId: string) => `${pilotCode}|${waveId}`;
