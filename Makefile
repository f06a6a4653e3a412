# make install PREFIX=/usr/local   builds the static release binary and installs it with shell completions
PREFIX ?= /usr/local
BIN := $(shell swift build -c release --static-swift-stdlib --show-bin-path 2>/dev/null)

.PHONY: build install test bench

build:
	scripts/setup.sh --check
	swift build -c release --static-swift-stdlib

install: build
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/bash-completion/completions \
		$(DESTDIR)$(PREFIX)/share/zsh/site-functions $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 755 $(BIN)/jira-ci $(DESTDIR)$(PREFIX)/bin/jira-ci
	strip $(DESTDIR)$(PREFIX)/bin/jira-ci
	$(BIN)/jira-ci --generate-completion-script bash > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/jira-ci
	$(BIN)/jira-ci --generate-completion-script zsh > $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_jira-ci
	$(BIN)/jira-ci --generate-completion-script fish > $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/jira-ci.fish

test:
	scripts/test.sh

bench:
	bench/run.sh
