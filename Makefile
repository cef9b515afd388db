# Makefile -- thin wrapper over CMake. The two commands the README promises:
#   make demo   install dependencies, build, run dots on examples/, start the workbench
#   make test   install dependencies, build, run every test
# and for developers: make build, make asan, make bench, make fuzz, make models.
BUILD ?= build
JOBS ?= $(shell nproc)

.PHONY: deps build demo test asan bench fuzz models clean

deps:
	@sh scripts/install-deps.sh

build: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

demo: build
	@sh scripts/demo.sh $(BUILD)

test: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

asan: deps
	@cmake -S . -B build-asan -DDOTS_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug >/dev/null
	@cmake --build build-asan -j $(JOBS)
	@cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
		ctest --output-on-failure -j $(JOBS)

bench: build
	@sh scripts/bench.sh $(BUILD)

fuzz: deps
	@CC=clang cmake -S . -B build-fuzz -DDOTS_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build build-fuzz -j $(JOBS)
	@sh scripts/fuzz.sh build-fuzz $${FUZZ_SECONDS:-30}

models: build
	@sh scripts/train-models.sh $(BUILD)

clean:
	rm -rf $(BUILD) build-asan build-fuzz
