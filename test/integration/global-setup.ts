// Integration tests migrate a template database once; each test file clones it.
export default function setup(): void {}
