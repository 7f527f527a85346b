#ifndef FIDELIS_EXECUTABLE_ID_H
#define FIDELIS_EXECUTABLE_ID_H
/// Copies the running program's GNU build id (the hash of its contents that the linker records in
/// its `.note.gnu.build-id`) into `out`, at most `capacity` bytes. Returns the id's length, or 0
/// when the program has none or the system offers no way to read it (then hash the executable).
int fidelis_executable_build_id(unsigned char *out, int capacity);
#endif
