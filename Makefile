# The two commands of the quick start, and a few more.
#   make demo   install what is missing, build, and build a graph from examples/articles
#   make test   install what is missing, build, and run the whole test suite
BUILD ?= build
JOBS ?= 2
KG := $(BUILD)/tools/kg

.PHONY: all deps configure build demo test bench install format clean

all: build

deps:
	@.ci/install-deps

configure: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release >/dev/null

build: configure
	@cmake --build $(BUILD) -j$(JOBS)

demo: build
	@mkdir -p out
	$(KG) build examples/articles -o out/graph.graphml -o out/graph.jsonld

test: build
	@cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

bench: build
	@bench/run.sh

install: build
	@cmake --install $(BUILD)

format:
	@find include lib tools tests examples bench -name '*.hpp' -o -name '*.cpp' | xargs clang-format -i

clean:
	@rm -rf $(BUILD) out
