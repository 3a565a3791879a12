/** What the sign-in routes say about themselves in the OpenAPI document, beside routes/auth.ts. */
import { Me, StaffSignedIn } from '../present/viewer.ts'
import { CheckEmail } from '../present/incident.ts'
import { resolver } from 'hono-openapi'
import type { RouteDescription } from '../http/describe.ts'
import { MESSAGES } from '../http/errors.ts'
import { SIGN_IN_MINUTES } from '../mail/notifier.ts'
import { SESSION_COOKIE } from '../middleware/session/index.ts'
import { INCIDENT_ID, REQUEST_EXAMPLES, SESSION_OPTIONAL, SESSION_REQUIRED, TOKEN, error, failure, html, issuesOf, json, schemaRef } from '../openapi.ts'
import { SignInCallbackInput, SignInLinkInput, StaffLoginInput } from '../services/sign-in.ts'

export const LINK: RouteDescription = {
  operationId: 'requestSignInLink', tags: ['Sign-in'], summary: 'E-mail a sign-in link',
  description: `Sends a single-use link, valid ${SIGN_IN_MINUTES} minutes, to an active authorised contact or an active staff member with this address. The answer is the same 202 whether or not the address is known, and also once the address has had 3 links in 10 minutes (then no e-mail is sent). \`next\` is a path on this site to land on after signing in; \`lang\` is the e-mail's language, by default the contact's own.`,
  requestExamples: { link: REQUEST_EXAMPLES.signInLink },
  responses: {
    202: { description: 'Whatever the address: look in the e-mail.', content: json(resolver(CheckEmail), { sent: { value: { status: 'check_email', message: MESSAGES.signInSent.nl } } }) },
    400: failure('Not a valid request, or not JSON.', {
      badNext: { summary: 'A `next` that leads off the site', value: error('invalid_input', 'invalidInput', issuesOf(SignInLinkInput, { ...REQUEST_EXAMPLES.signInLink.value, next: '//phishing.example/' })) },
    }),
  },
}

export const CALLBACK_PAGE: RouteDescription = {
  operationId: 'signInPage', tags: ['Sign-in'], summary: 'Open the e-mailed sign-in link',
  description: 'Opened by the browser from the e-mail. Shows a page with one button that posts the token: opening the link does not use it up, so a mail scanner that opens links cannot spend it.',
  parameters: [{ name: 'token', in: 'query', required: true, description: 'The token from the e-mailed link.', schema: { type: 'string' }, example: TOKEN }],
  responses: {
    200: html('A page with one button that signs in (posts the token to this address).', 'Inloggen · Sign in'),
  },
}

export const CALLBACK: RouteDescription = {
  operationId: 'signInCallback', tags: ['Sign-in'], summary: 'Sign in with the token from the link',
  description: 'Posted by the page above as a form (`token=…`). Takes the token (once), starts a session and redirects; a used or expired link gets a page that says so, in Dutch and English. A post whose Origin is another site is refused.',
  requestBody: { required: true, content: { 'application/x-www-form-urlencoded': { schema: resolver(SignInCallbackInput), examples: { signIn: REQUEST_EXAMPLES.signInCallback } } } },
  responses: {
    303: {
      description: 'Signed in: the session cookie is set, and the browser goes on to `next`, or to the home page.',
      headers: {
        Location: { description: 'The `next` path asked for with the link, or `/`.', schema: { type: 'string' }, example: `/portaal/incidenten/?id=${INCIDENT_ID}` },
        'Set-Cookie': { $ref: '#/components/headers/SetSession' },
      },
    },
    400: html('The link is unknown, used or expired (an HTML page).', 'Link verlopen · Link expired'),
    403: {
      description: 'Posted from another site, or the contact or staff member was deactivated or is no longer authorised: an HTML page. When the browser already sends a session cookie, a post from another site gets JSON `cross_origin` instead.',
      content: {
        'text/html': { schema: { type: 'string' }, examples: { page: { summary: 'Link verlopen · Link expired', value: '<!doctype html><html lang="nl">…</html>' } } },
        ...json(schemaRef('Error'), { crossOrigin: { summary: 'From another site, with a session cookie', value: error('cross_origin', 'crossOrigin') } }),
      },
    },
  },
}

export const STAFF_LOGIN: RouteDescription = {
  operationId: 'staffSignIn', tags: ['Sign-in'], summary: 'Staff sign in with a password',
  description: 'A wrong password and an unknown or inactive address get the same 401, which does not say which part was wrong.',
  requestExamples: { login: REQUEST_EXAMPLES.staffLogin },
  responses: {
    200: {
      description: 'Signed in; the session cookie is set.',
      headers: { 'Set-Cookie': { $ref: '#/components/headers/SetSession' } },
      content: json(resolver(StaffSignedIn), { lotte: { value: { id: 's-lotte', name: 'Lotte Smit', role: 'agent', teams: ['first-line', 'finance'] } } }),
    },
    400: failure('Not valid, or not JSON.', {
      noPassword: { summary: 'No password', value: error('invalid_input', 'invalidInput', issuesOf(StaffLoginInput, { email: REQUEST_EXAMPLES.staffLogin.value.email })) },
    }),
    401: failure('Address or password not right.', { wrong: { value: error('wrong_credentials', 'wrongPassword') } }),
  },
}

export const LOGOUT: RouteDescription = {
  operationId: 'signOut', tags: ['Sign-in'], summary: 'Sign out',
  description: 'Ends the session and clears the cookie; without a session it only clears the cookie. No body.',
  security: SESSION_OPTIONAL,
  responses: {
    204: { description: 'Signed out.', headers: { 'Set-Cookie': { description: `Clears \`${SESSION_COOKIE}\`.`, schema: { type: 'string' }, example: `${SESSION_COOKIE}=; Max-Age=0; Path=/` } } },
  },
}

export const ME: RouteDescription = {
  operationId: 'getMe', tags: ['Sign-in'], summary: 'Who is signed in',
  security: SESSION_REQUIRED,
  responses: {
    200: {
      description: 'The contact or staff member of the session.',
      content: json(resolver(Me), {
        contact: { summary: 'A contact', value: { kind: 'contact', id: 'c-jansen-emp', name: 'Tom Bakker', email: 'tom@bakkerij-jansen.example', role: 'employee', organisationId: 'org-jansen', lang: 'nl' } },
        staff: { summary: 'A staff member', value: { kind: 'staff', id: 's-lotte', name: 'Lotte Smit', email: 'lotte@noordwind.example', role: 'agent', teams: ['first-line', 'finance'] } },
      }),
    },
  },
}
