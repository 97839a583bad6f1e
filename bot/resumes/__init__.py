"""Resume reading: uploaded bytes → `ResumeText`, safely and within limits."""
