/**
 * Drafts as they leave the app: an .eml file, a mailto: link, an encrypted message. Node only (main process, tests,
 * scripts): nodemailer needs Node's streams and crypto, so the renderer must never import this module; it reaches
 * these through the drafts:* IPC channels (test/unit/layers.test.ts keeps it that way).
 */
export { DraftMail, toEml, toEncryptedEml } from './eml'
export { mailtoLimit, mailtoTooLong, toMailto } from './mailto'
export { mailboxText, type Mailbox } from './mailbox'
export { encryptFor, publicKeyInfo, type PublicKeyInfo } from './encrypt'
