const armoredMessage = /-----BEGIN PGP MESSAGE-----[\s\S]*?-----END PGP MESSAGE-----/
const armoredKey = /-----BEGIN PGP PUBLIC KEY BLOCK-----[\s\S]*?-----END PGP PUBLIC KEY BLOCK-----/

/** Whether a text holds an ASCII-armored OpenPGP message (inline PGP, as Mailvelope and older clients send it). */
export const holdsPgpMessage = (text: string) => armoredMessage.test(text)

/** The first ASCII-armored OpenPGP public key in a text: Thunderbird attaches the sender's as OpenPGP_0x….asc. */
export const armoredPublicKey = (text: string): string | undefined => armoredKey.exec(text)?.[0]
