// Placeholder until the embedded test database lands (filled in by the skeleton work).
export default async function setup(): Promise<void> {}
