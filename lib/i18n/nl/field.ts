/** Dutch: the checks of a form field, alike in the portal and the widget's form. */

export const required = 'Vul dit veld in.'
export const invalidEmail = 'Vul een geldig e-mailadres in, zoals naam@bedrijf.nl.'

// One by one as well, so that the widget's form takes them without the rest.
export const field = { required, invalidEmail } as const
