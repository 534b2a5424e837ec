# PlanTrack. `make test` installs what is missing, builds and runs every test.
SWIFT ?= swift
PLAN ?= REFACTOR_PLAN.md
# Installing (CONTRACT §11): `make install PREFIX=/usr DESTDIR=/tmp/root`.
PREFIX ?= /usr/local
DESTDIR ?=
# Extra `swift build` flags for the release build, e.g. --scratch-path .build-release.
SWIFT_FLAGS ?=
# The commit `plantrack --version` names; git's, or give it (a tarball has no .git).
COMMIT ?= $(shell git describe --always --dirty --abbrev=12 2>/dev/null || echo unknown)

RELEASE = $(SWIFT) build -c release --product plantrack --static-swift-stdlib $(SWIFT_FLAGS)
GENERATED = .build/install-files
BIN = $(DESTDIR)$(PREFIX)/bin
SHARE = $(DESTDIR)$(PREFIX)/share
THEMES = $(notdir $(wildcard themes/*.yml))
# Every file `make install` writes, and so every file `make uninstall` removes.
INSTALLED = $(BIN)/plantrack $(addprefix $(SHARE)/plantrack/themes/,$(THEMES)) \
	$(SHARE)/bash-completion/completions/plantrack $(SHARE)/zsh/site-functions/_plantrack \
	$(SHARE)/fish/vendor_completions.d/plantrack.fish $(SHARE)/man/man1/plantrack.1

.PHONY: all build release static-libs run test setup unit e2e bench demo clean commit-header install-files install uninstall

all: build

setup:
	@scripts/setup.sh

build: commit-header
	$(SWIFT) build --product plantrack

# The release binary links the Swift runtime statically: it runs where no Swift
# toolchain is installed (README lists the system libraries it needs).
release: commit-header static-libs
	$(RELEASE)

# libstdc++.a alone in a folder the release link searches first (Package.swift), so the
# binary carries libstdc++ rather than loading and binding it at every start.
static-libs:
	@mkdir -p .build/static-libs && ln -sf "$$($${CXX:-g++} -print-file-name=libstdc++.a)" .build/static-libs/libstdc++.a

commit-header:
	@scripts/write-commit-header.sh "$(COMMIT)"

# Completions and the man page, generated from the binary's own ArgumentParser definitions.
install-files: release
	@mkdir -p $(GENERATED)
	bin="$$($(RELEASE) --show-bin-path)/plantrack" && \
	"$$bin" --generate-completion-script bash >$(GENERATED)/plantrack.bash && \
	"$$bin" --generate-completion-script zsh >$(GENERATED)/_plantrack && \
	"$$bin" --generate-completion-script fish >$(GENERATED)/plantrack.fish && \
	scripts/gen-man.py "$$bin" >$(GENERATED)/plantrack.1

install: install-files
	install -d $(BIN) $(SHARE)/plantrack/themes $(SHARE)/bash-completion/completions \
		$(SHARE)/zsh/site-functions $(SHARE)/fish/vendor_completions.d $(SHARE)/man/man1
	install -m 755 "$$($(RELEASE) --show-bin-path)/plantrack" $(BIN)/plantrack
	install -m 644 $(addprefix themes/,$(THEMES)) $(SHARE)/plantrack/themes/
	install -m 644 $(GENERATED)/plantrack.bash $(SHARE)/bash-completion/completions/plantrack
	install -m 644 $(GENERATED)/_plantrack $(SHARE)/zsh/site-functions/_plantrack
	install -m 644 $(GENERATED)/plantrack.fish $(SHARE)/fish/vendor_completions.d/plantrack.fish
	install -m 644 $(GENERATED)/plantrack.1 $(SHARE)/man/man1/plantrack.1

# Removes exactly what install wrote, and the themes folder it made once empty.
uninstall:
	rm -f $(INSTALLED)
	rmdir $(SHARE)/plantrack/themes $(SHARE)/plantrack 2>/dev/null || true

run: build
	$$($(SWIFT) build --show-bin-path)/plantrack --plan $(PLAN)

# Unit and integration tests run with a moto_server on loopback (scripts/with-moto.sh);
# end-to-end tests drive the built binary (Tests/e2e/*.sh).
# Suites that assert how long something takes (a refused connection reported within 3 s,
# a render within 0.25 s, a 50 MB plan within the 2-minute limit) run on their own after
# the rest, one test at a time: run among the parallel suites, the bound measured the other
# tests' load on two cores, not the code.
TIMED_SUITES = FaultTests|NetworkBehaviourTests|RenderTests|LongTokenTests|BadInputTests

test: setup build
	scripts/with-moto.sh $(SWIFT) test --skip '$(TIMED_SUITES)'
	scripts/with-moto.sh $(SWIFT) test --skip-build --no-parallel --filter '$(TIMED_SUITES)'
	scripts/run-e2e.sh

e2e: build
	scripts/run-e2e.sh

bench: setup
	scripts/bench.sh

demo: setup build
	scripts/demo.sh

clean:
	rm -rf .build bench-out
