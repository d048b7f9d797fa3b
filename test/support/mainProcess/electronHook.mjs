// A module-resolution hook (node:module register): `import … from 'electron'` gets the recording fake instead.
let fake

export function initialize(data) {
  fake = data.electron
}

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron') return { url: fake, shortCircuit: true }
  return nextResolve(specifier, context)
}
