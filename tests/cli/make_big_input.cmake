# Writes a 20 MB, 500,000-line log of one repeated error to OUT (for the size-limit tests).
string(REPEAT "2026-11-25T10:00:00Z ERROR IgniteException while syncing\n" 500000 text)
file(WRITE "${OUT}" "${text}")
