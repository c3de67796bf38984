// A plain SurveyJS definition as a partner organisation might bring it: no metadata of ours, no
// Welsh, no maxLength, a yes/no question, ratings in a panel, a matrix, and an "About you" page.
export function buildThirdPartySurvey(): Record<string, unknown> {
  return {
    title: 'Employee engagement pulse',
    description: 'A short pulse survey from a partner university.',
    pages: [
      {
        name: 'engagement',
        title: 'Your work',
        elements: [
          {
            type: 'panel',
            name: 'energy',
            title: 'Energy at work',
            elements: [
              { type: 'rating', name: 'energyMorning', title: 'I look forward to going to work', isRequired: true },
              { type: 'rating', name: 'energyDay', title: 'I feel full of energy at work' },
            ],
          },
          {
            type: 'matrix',
            name: 'team_climate',
            title: 'How much do you agree?',
            columns: [
              { value: 1, text: 'Strongly disagree' },
              { value: 2, text: 'Disagree' },
              { value: 3, text: 'Neutral' },
              { value: 4, text: 'Agree' },
              { value: 5, text: 'Strongly agree' },
            ],
            rows: [
              { value: 'trust', text: 'I trust my team' },
              { value: 'voice', text: 'My views are listened to' },
              { value: 'help', text: 'Colleagues help when it is busy' },
            ],
          },
          {
            type: 'rating',
            name: 'recommend',
            title: 'How likely are you to recommend your team?',
            rateMin: 0,
            rateMax: 10,
          },
          { type: 'boolean', name: 'overtime', title: 'Did you work unpaid overtime last week?' },
          {
            type: 'checkbox',
            name: 'helps',
            title: 'What helps you most?',
            choices: [
              { value: 'flexible', text: 'Flexible hours' },
              { value: 'peers', text: 'Peer support' },
              { value: 'training', text: 'Training' },
            ],
          },
          { type: 'comment', name: 'one_change', title: 'One thing you would change' },
        ],
      },
      {
        name: 'about',
        title: 'About you',
        elements: [
          {
            type: 'dropdown',
            name: 'team_type',
            title: 'Which team are you in?',
            choices: [
              { value: 'front_door', text: 'Front door' },
              { value: 'long_term', text: 'Long-term' },
              { value: 'prefer_not_to_say', text: 'Prefer not to say' },
            ],
          },
        ],
      },
    ],
  };
}
