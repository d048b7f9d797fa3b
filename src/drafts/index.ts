/**
 * Drafts as they leave the app: an .eml file, a mailto: link, an encrypted message. Node only (main process, tests,
 * scripts): nodemailer needs Node's streams and crypto, so the renderer must never import this module; it reaches
 * these through the drafts:* IPC channels. (src/drafts/mailbox.ts and mailto.ts import only nodemailer's addressparser,
 * which has no Node imports, if the renderer ever needs them directly.)
 */
export { DraftMail, toEml, toEncryptedEml } from './eml'
export { mailtoLimit, mailtoTooLong, toMailto } from './mailto'
export { mailboxText, type Mailbox } from './mailbox'
export { encryptFor, publicKeyInfo, type PublicKeyInfo } from './encrypt'
