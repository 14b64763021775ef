// The declaration is all: the driver comes from -sanitize=fuzzer.
