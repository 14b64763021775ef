# Entente: the two commands of the README, and the helpers behind them.
#   make site   builds the example site into Output/ (installs what is missing first)
#   make test   runs the whole test suite (installs what is missing first)

SWIFT ?= swift
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site test deps release theme clean atop-site

site: deps release
	.build/release/entente build

test: deps
	$(SWIFT) test

# Installs Debian's cmark-gfm packages when any is missing.
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing$$missing"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing; \
	fi

release: deps
	$(SWIFT) build -c release --product entente

# Re-embeds Templates/ into the binary's default theme after editing it.
theme:
	scripts/embed-theme

clean:
	rm -rf .build Output

ATOP_DATA ?= ../shared/data/atop-4.01
ATOP_SITE ?= atop-site

# Imports ATOP 4.01 and the COW state list into $(ATOP_SITE)/ and builds it into $(ATOP_SITE)/Output/.
atop-site: release
	.build/release/entente import atop --alliances $(ATOP_DATA)/alliance-level.csv \
		--members $(ATOP_DATA)/member-level.csv --states $(ATOP_DATA)/cow-states.csv --site $(ATOP_SITE)
	.build/release/entente build --site $(ATOP_SITE)
