// Keep runner variables from the developer's shell out of tests; each test sets what it needs.
for (const key of Object.keys(process.env)) {
  if (key.startsWith('INPUT_') || key === 'GITHUB_OUTPUT' || key === 'GITHUB_STEP_SUMMARY') delete process.env[key];
}
