#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (compiler-rt), for executables whose `main` is their own: SwiftPM names a Swift
/// executable's entry point itself, so the fuzz targets call the driver from it.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
