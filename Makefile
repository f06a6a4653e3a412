# make install PREFIX=/usr/local   builds the static release binary and installs it with its man page and shell
#                                  completions
# make dist                        the .deb, the tarball and SHA256SUMS in dist/ (scripts/dist.sh)
# make format                      applies the committed format (.swift-format); make test checks it
PREFIX ?= /usr/local
FILES := .build/release-files

.PHONY: build install dist test bench format

build:
	scripts/setup.sh --check
	swift build -c release --static-swift-stdlib

install:
	scripts/setup.sh --check
	scripts/release-files.sh $(FILES)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions \
		$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 755 $(FILES)/jira-ci $(DESTDIR)$(PREFIX)/bin/jira-ci
	install -m 644 $(FILES)/jira-ci.1 $(DESTDIR)$(PREFIX)/share/man/man1/jira-ci.1
	install -m 644 $(FILES)/jira-ci.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/jira-ci
	install -m 644 $(FILES)/_jira-ci $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_jira-ci
	install -m 644 $(FILES)/jira-ci.fish $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/jira-ci.fish

dist:
	scripts/dist.sh

test:
	scripts/test.sh

format:
	swift format format --in-place --recursive --parallel Sources Tests Package.swift bench/Microbench

bench:
	bench/run.sh
