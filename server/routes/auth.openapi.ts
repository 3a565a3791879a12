/** What the sign-in routes say about themselves in the OpenAPI document, beside routes/auth.ts. */
import { resolver } from 'hono-openapi'
import { MIN_FILL_MS } from '../domain/fill-time.ts'
import { SESSION_OPTIONAL, SESSION_REQUIRED, htmlReply, jsonReply, refusal, type RouteDescription } from '../http/describe.ts'
import { lotteSignedIn, meAsContact, meAsStaff } from '../http/examples.ts'
import { MESSAGES } from '../http/errors.ts'
import { SIGN_IN_MINUTES } from '../mail/notifier.ts'
import { SESSION_COOKIE } from '../middleware/session/index.ts'
import { REQUEST_EXAMPLES, TOKEN } from '../openapi.ts'
import { CheckEmail } from '../present/incident.ts'
import { Me, StaffSignedIn } from '../present/viewer.ts'
import { SignInCallbackInput } from '../services/sign-in.ts'

const tokenParameter = { name: 'token', in: 'query', required: true, description: 'The token from the e-mailed link.', schema: { type: 'string' }, example: TOKEN } as const
const SET_SESSION = { 'Set-Cookie': { $ref: '#/components/headers/SetSession' } }

export const LINK: RouteDescription = {
  operationId: 'requestSignInLink', tags: ['Sign-in'], summary: 'E-mail a sign-in link',
  description: `A single-use link, valid ${SIGN_IN_MINUTES} minutes, to an active authorised contact or active staff member. The same 202 whether or not the address is known, once its mailbox has had 3 links in 10 minutes (in any case and without a \`+tag\`: \`tom+1@…\` is \`tom@…\`), and when \`fillMs\` is under ${MIN_FILL_MS.signIn / 1000} s: then no e-mail. \`next\`: the path to land on; \`lang\`: the e-mail's language.`,
  requestExamples: { link: REQUEST_EXAMPLES.signInLink },
  responses: { 202: jsonReply('Whatever the address: look in the e-mail.', CheckEmail, { sent: { value: { status: 'check_email', message: MESSAGES.signInSent.nl } } }) },
}

export const CALLBACK_PAGE: RouteDescription = {
  operationId: 'signInPage', tags: ['Sign-in'], summary: 'Open the e-mailed sign-in link',
  description: 'A page with one button that posts the token: opening the link does not use it up, so a mail scanner cannot spend it.',
  parameters: [tokenParameter],
  responses: { 200: htmlReply('A page with one button that signs in (posts the token to this address).') },
}

export const CALLBACK: RouteDescription = {
  operationId: 'signInCallback', tags: ['Sign-in'], summary: 'Sign in with the token from the link',
  description: 'Posted by the page above as a form. Takes the token once, starts a session and redirects; a used or expired link gets a page that says so.',
  requestBody: { required: true, content: { 'application/x-www-form-urlencoded': { schema: resolver(SignInCallbackInput), examples: { signIn: REQUEST_EXAMPLES.signInCallback } } } },
  responses: {
    303: {
      description: 'Signed in: the browser goes on to `next`, or to the home page.',
      headers: { Location: { description: 'The `next` path, or `/`.', schema: { type: 'string' } }, ...SET_SESSION },
    },
    400: htmlReply('The link is unknown, used or expired (an HTML page).'),
    403: {
      description: 'Posted from another site, or the person was deactivated or is no longer authorised: an HTML page; from another site with a session cookie, JSON `cross_origin`.',
      content: { ...htmlReply('').content, ...refusal('', { crossOrigin: ['cross_origin', 'crossOrigin'] }).content },
    },
  },
}

export const STAFF_LOGIN: RouteDescription = {
  operationId: 'staffSignIn', tags: ['Sign-in'], summary: 'Staff sign in with a password',
  requestExamples: { login: REQUEST_EXAMPLES.staffLogin },
  responses: {
    200: { ...jsonReply('Signed in.', StaffSignedIn, { lotte: { value: lotteSignedIn } }), headers: SET_SESSION },
    401: refusal('Address or password not right, or the address unknown or inactive: the same answer.', { wrong: ['wrong_credentials', 'wrongPassword'] }),
  },
}

export const LOGOUT: RouteDescription = {
  operationId: 'signOut', tags: ['Sign-in'], summary: 'Sign out: ends the session, if any, and clears the cookie',
  security: SESSION_OPTIONAL,
  responses: { 204: { description: 'Signed out.', headers: { 'Set-Cookie': { description: `Clears \`${SESSION_COOKIE}\`.`, schema: { type: 'string' } } } } },
}

export const ME: RouteDescription = {
  operationId: 'getMe', tags: ['Sign-in'], summary: 'Who is signed in',
  security: SESSION_REQUIRED,
  responses: {
    200: jsonReply('The contact or staff member of the session.', Me, {
      contact: { value: meAsContact },
      staff: { value: meAsStaff },
    }),
  },
}
