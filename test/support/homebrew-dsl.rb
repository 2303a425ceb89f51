# frozen_string_literal: true

# Test-only stand-in for Homebrew's Formula DSL: just enough to load a generated formula the way
# Homebrew does (module_eval, then the class named by Formulary.class_s) on one simulated machine,
# record what it declares, run `install` and `test`, and refuse the shapes `brew style` refuses
# that a syntax check cannot see. It is not Homebrew; FORMATS.md §7 lists what the real audit adds.
#
#   HOMEBREW_SIM_OS=darwin|linux HOMEBREW_SIM_ARCH=arm64|amd64 \
#     ruby homebrew-dsl.rb FORMULA.rb CLASS_NAME [STAGE_DIR PREFIX_DIR]
#
# Prints one JSON object. Without STAGE_DIR, install calls are only recorded. With it, `install`
# runs in STAGE_DIR (an unpacked release archive) and copies into PREFIX_DIR like
# Pathname#install. With HOMEBREW_SIM_RUN=1, `test` runs its commands for real.

require "fileutils"
require "json"
require "open3"
require "pathname"

module HomebrewSim
  OS_NAME = ENV.fetch("HOMEBREW_SIM_OS")
  ARCH = ENV.fetch("HOMEBREW_SIM_ARCH")
  raise "HOMEBREW_SIM_OS must be darwin or linux" unless %w[darwin linux].include?(OS_NAME)
  raise "HOMEBREW_SIM_ARCH must be arm64 or amd64" unless %w[arm64 amd64].include?(ARCH)

  class Offense < StandardError; end

  # Homebrew's component order (ast_constants.rb), the part generated formulae use.
  ORDER = %w[desc homepage url version sha256 license depends_on on_macos on_linux on_arm on_intel
             install caveats service test].freeze

  def self.json_value(value)
    case value
    when Hash then value.to_h { |k, v| [k.to_s, json_value(v)] }
    when Array then value.map { |v| json_value(v) }
    when Symbol then ":#{value}"
    when Pathname then value.to_s
    else value
    end
  end
end

module OS
  def self.mac? = HomebrewSim::OS_NAME == "darwin"
  def self.linux? = HomebrewSim::OS_NAME == "linux"
end

module Hardware
  module CPU
    def self.arm? = HomebrewSim::ARCH == "arm64"
    def self.intel? = HomebrewSim::ARCH == "amd64"
  end
end

# A keg directory: `bin.install "x"`, `bin.install "x" => "y"`, like Homebrew's Pathname#install.
class KegDir < Pathname
  def initialize(label, path, log, stage)
    super(path)
    @label = label
    @log = log
    @stage = stage
  end

  def install(*sources)
    sources.each do |source|
      pairs = source.is_a?(Hash) ? source.to_a : [[source, File.basename(source.to_s)]]
      pairs.each do |src, dst|
        @log << [@label, src.to_s, dst.to_s]
        next unless @stage

        from = File.join(@stage, src.to_s)
        raise Errno::ENOENT, from unless File.exist?(from)

        FileUtils.mkdir_p(to_s)
        FileUtils.cp_r(from, File.join(to_s, dst.to_s), preserve: true)
      end
    end
  end
end

# What `service do ... end` sets, evaluated as Homebrew::Service would.
class ServiceRecorder
  attr_reader :values

  def initialize(formula)
    @formula = formula
    @values = {}
  end

  %i[run keep_alive log_path error_log_path working_dir environment_variables run_type].each do |name|
    define_method(name) { |*args, **kw| @values[name.to_s] = kw.empty? ? (args.length == 1 ? args.first : args) : kw }
  end

  def opt_bin = @formula.opt_bin
  def var = @formula.var
end

class Formula
  class << self
    attr_reader :record

    def inherited(subclass)
      super
      subclass.instance_variable_set(:@record, { "calls" => [], "depends_on" => [], "on_blocks" => [] })
      subclass.instance_variable_set(:@stack, [])
    end

    # Each DSL call is checked against the order of its siblings (top level or one on_* block).
    def component(name)
      @seen ||= Hash.new { |h, k| h[k] = [] }
      siblings = @seen[@stack.dup]
      rank = HomebrewSim::ORDER.index(name) or raise HomebrewSim::Offense, "unknown component #{name}"
      if (later = siblings.find { |s| HomebrewSim::ORDER.index(s) > rank })
        raise HomebrewSim::Offense, "#{name} comes after #{later} in #{where} (ComponentsOrder)"
      end
      if name.start_with?("on_") && siblings.include?(name)
        raise HomebrewSim::Offense, "two #{name} blocks in #{where}"
      end

      siblings << name
      @record["calls"] << (@stack + [name]).join(">")
    end

    def where = @stack.empty? ? "the formula" : @stack.join(" > ")

    def set(name, value)
      component(name)
      raise HomebrewSim::Offense, "#{name} set twice for #{HomebrewSim::OS_NAME}/#{HomebrewSim::ARCH}" if @record.key?(name)

      @record[name] = value
    end

    def desc(value) = set("desc", value)
    def homepage(value) = set("homepage", value)

    def version(value)
      raise HomebrewSim::Offense, "version #{value.inspect} starts with v" if value.start_with?("v")

      set("version", value)
    end

    def license(*args, **kw)
      raise HomebrewSim::Offense, "license takes one value" unless args.length + (kw.empty? ? 0 : 1) == 1
      raise HomebrewSim::Offense, "license is a bare array; use any_of: or all_of: (LicenseArrays)" if args.first.is_a?(Array)

      set("license", HomebrewSim.json_value(kw.empty? ? args.first : kw))
    end

    # A url directly inside a top-level on_macos/on_linux is an offense; nested in on_arm/on_intel it is not.
    def url(value)
      os_level = @stack.length == 2 && %w[on_macos on_linux].include?(@stack[0]) && %w[on_arm on_intel].include?(@stack[1])
      raise HomebrewSim::Offense, "url in #{where}: must be nested in on_arm/on_intel inside on_macos/on_linux" unless os_level

      set("url", value)
    end

    def sha256(value)
      raise HomebrewSim::Offense, "url and sha256 belong together" unless @record.key?("url")
      raise HomebrewSim::Offense, "sha256 #{value.inspect} is not 64 lowercase hex digits" unless value.match?(/\A[0-9a-f]{64}\z/)

      set("sha256", value)
    end

    def depends_on(dep)
      component("depends_on")
      @record["depends_on"] << { "dep" => HomebrewSim.json_value(dep), "in" => @stack.join(">") }
    end

    def on_block(name, active)
      component(name)
      @record["on_blocks"] << (@stack + [name]).join(">")
      return unless active

      @stack.push(name)
      yield
    ensure
      @stack.pop if active && @stack.last == name
    end

    def on_macos(&block) = on_block("on_macos", OS.mac?, &block)
    def on_linux(&block) = on_block("on_linux", OS.linux?, &block)
    def on_arm(&block) = on_block("on_arm", Hardware::CPU.arm?, &block)
    def on_intel(&block) = on_block("on_intel", Hardware::CPU.intel?, &block)

    def service(&block)
      component("service")
      @service_block = block
    end

    def test(&block)
      component("test")
      @test_block = block
    end

    attr_reader :service_block, :test_block

    def method_added(name)
      super
      component(name.to_s) if %i[install caveats].include?(name)
    end
  end

  attr_reader :installed, :commands

  def initialize(stage, prefix)
    @stage = stage
    @prefix = prefix
    @installed = []
    @commands = []
  end

  def prefix = keg("prefix", ".")
  def keg(label, sub) = KegDir.new(label, File.join(@prefix, sub), @installed, @stage)
  def bin = keg("bin", "bin")
  def opt_bin = Pathname.new("/opt/homebrew-sim/opt/bin")
  def var = Pathname.new("/opt/homebrew-sim/var")
  def bash_completion = keg("bash_completion", "etc/bash_completion.d")
  def zsh_completion = keg("zsh_completion", "share/zsh/site-functions")
  def fish_completion = keg("fish_completion", "share/fish/vendor_completions.d")
  (1..9).each { |n| define_method(:"man#{n}") { keg("man#{n}", "share/man/man#{n}") } }
  def version = self.class.record.fetch("version")

  def shell_output(cmd, result = 0)
    @commands << [cmd, result]
    return "#{version}\n" unless ENV["HOMEBREW_SIM_RUN"] == "1"

    out, status = Open3.capture2e(cmd)
    raise "#{cmd} exited #{status.exitstatus}, expected #{result}: #{out}" unless status.exitstatus == result

    out
  end

  def assert_match(expected, actual)
    raise "expected #{actual.inspect} to contain #{expected.inspect}" unless actual.include?(expected)
  end
end

if $PROGRAM_NAME == __FILE__
  path, class_name, stage, prefix = ARGV
  namespace = Module.new
  namespace.module_eval(File.read(path), path)
  klass = namespace.const_get(class_name, false)
  raise "#{class_name} is not a Formula" unless klass < Formula

  # Homebrew's download strategy enters the archive's only top-level entry when it is a directory.
  if stage
    entries = Dir.children(stage).reject { |e| e.start_with?(".") }
    stage = File.join(stage, entries.first) if entries.length == 1 && File.directory?(File.join(stage, entries.first))
  end
  formula = klass.new(stage, prefix || "/homebrew-sim/Cellar")
  raise "no install method" unless klass.method_defined?(:install, false)
  raise "no test block" unless klass.test_block

  Dir.chdir(stage || Dir.pwd) { formula.install }
  formula.instance_exec(&klass.test_block)
  service = klass.service_block && ServiceRecorder.new(formula).tap { |s| s.instance_exec(&klass.service_block) }.values
  out = klass.record.merge(
    "installed" => formula.installed,
    "commands" => formula.commands,
    "caveats" => (formula.caveats if klass.method_defined?(:caveats, false)),
    "service" => service && HomebrewSim.json_value(service),
  )
  puts JSON.generate(out)
end
