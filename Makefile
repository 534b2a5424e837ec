# PlanTrack. `make test` installs what is missing, builds and runs every test.
SWIFT ?= swift
PLAN ?= REFACTOR_PLAN.md

.PHONY: all build release run test setup unit e2e bench demo clean

all: build

setup:
	@scripts/setup.sh

build:
	$(SWIFT) build --product plantrack

release:
	$(SWIFT) build -c release --product plantrack

run: build
	$$($(SWIFT) build --show-bin-path)/plantrack --plan $(PLAN)

# Unit and integration tests run with a moto_server on loopback (scripts/with-moto.sh);
# end-to-end tests drive the built binary (Tests/e2e/*.sh).
test: setup build
	scripts/with-moto.sh $(SWIFT) test
	scripts/run-e2e.sh

e2e: build
	scripts/run-e2e.sh

bench: setup
	scripts/bench.sh

demo: setup build
	scripts/demo.sh

clean:
	rm -rf .build bench-out
