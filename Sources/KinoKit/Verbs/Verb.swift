import Foundation
import KinoCore
import KinoEngine

/// One verb of Kino, as helix's TypableCommand: name, aliases, one-line doc, typed
/// signature and the function. The CLI subcommands, the `:` line, keys and `kino batch`
/// all resolve to these, so a verb is parsed, defaulted and performed one way.
public struct Verb: Sendable {
    /// What performing the verb takes.
    public enum Body: Sendable {
        /// One edit built from the project alone (pure): the editor applies it to its copy at
        /// once; the session records it with its journal row.
        case edit(@Sendable (Project, VerbArguments) throws -> Edit)
        /// Work on the session: files, takes, the journal, or jobs to start.
        case session(@Sendable (ProjectSession, VerbArguments) throws -> VerbOutcome)
    }

    /// Words the user types: "shot set", "render".
    public var name: String
    public var aliases: [String]
    /// One line: what it does.
    public var doc: String
    public var arguments: [VerbArgument]
    public var body: Body
    /// Arguments naming files that must be read on the session before the edit is built
    /// (a start image, footage); `prepare` turns them into checked values.
    public var fileArguments: Set<String>
    var prepare: (@Sendable (ProjectSession, inout VerbArguments) throws -> Void)?
    /// At least one of these must be given (`shot set` with nothing to set is refused).
    public var needsOneOf: [String]
    /// The sentence shown after an edit verb, from the project after it (default: the edit's label).
    var describe: (@Sendable (Project, Edit) -> String)?
    /// Checks run when the verb is resolved, before anything is performed (an export's
    /// destination is refused when typed, not after the render).
    var check: (@Sendable (Project, VerbArguments) throws -> Void)?
    /// Whether performing it hands back long jobs (render, extend, refine, export, frame).
    public var runsJobs: Bool

    init(_ name: String, aliases: [String] = [], doc: String, arguments: [VerbArgument], needsOneOf: [String] = [],
         fileArguments: Set<String> = [], prepare: (@Sendable (ProjectSession, inout VerbArguments) throws -> Void)? = nil,
         describe: (@Sendable (Project, Edit) -> String)? = nil, check: (@Sendable (Project, VerbArguments) throws -> Void)? = nil,
         runsJobs: Bool = false, body: Body) {
        self.name = name; self.aliases = aliases; self.doc = doc; self.arguments = arguments
        self.needsOneOf = needsOneOf; self.fileArguments = fileArguments; self.prepare = prepare
        self.describe = describe; self.check = check; self.runsJobs = runsJobs; self.body = body
    }

    public func argument(_ name: String) -> VerbArgument? { arguments.first { $0.name == name } }

    /// `name ARG [--opt VALUE]…` for help and the docs.
    public var usage: String {
        var parts = [name]
        for a in arguments {
            let value = a.kind == .flag ? "--\(a.name)" : (a.positional ? a.placeholder : "--\(a.name) \(a.placeholder)")
            let shown = a.repeatable ? value + "…" : value
            parts.append(a.required && !a.fromSelection ? shown : "[\(shown)]")
        }
        return parts.joined(separator: " ")
    }

    /// `:name POSITIONAL… [--options]` as the editor's `:` line takes it (the selection fills the shot).
    public var lineUsage: String {
        var parts = [":" + name]
        for a in arguments where a.positional {
            parts.append(a.required ? a.placeholder : "[\(a.placeholder)]")
        }
        if arguments.contains(where: { !$0.positional && !$0.fromSelection }) { parts.append("[--…]") }
        return parts.joined(separator: " ")
    }

    /// Whether the editor can apply it to its copy of the project by itself (a pure edit
    /// that reads no file).
    public func isPure(_ args: VerbArguments) -> Bool {
        guard case .edit = body else { return false }
        return fileArguments.allSatisfy { !args.has($0) }
    }

    /// Builds the verb's edit from `project` without touching a session (the editor's path).
    public func edit(in project: Project, _ args: VerbArguments) throws -> Edit? {
        guard case .edit(let build) = body else { return nil }
        return try build(project, args)
    }

    /// Performs the verb on a session: the edit is validated against the session's current
    /// project and saved with its journal row; a refusal changes nothing.
    public func perform(_ args: VerbArguments, on session: ProjectSession) throws -> VerbOutcome {
        var a = args
        if let prepare { try prepare(session, &a) }
        switch body {
        case .edit(let build):
            var before = session.project
            let edit = try session.apply { p in before = p; return try build(p, a) }
            let after = session.project
            var details: [String] = []
            if case .updateShot(let old, let new) = edit, old.prompt != new.prompt {
                details = session.interpret(shot: new.id).lines
            } else if let added = edit.addedShots.first {
                details = session.interpret(shot: added).lines
            }
            return VerbOutcome(message: describe?(after, edit) ?? edit.label, details: details, edit: edit,
                               affectedShots: after.shotDiff(since: before).affected)
        case .session(let run):
            return try run(session, a)
        }
    }
}

extension PromptReport {
    /// "understood: …" and "not understood: …" lines.
    public var lines: [String] {
        var out: [String] = []
        if !understood.isEmpty { out.append("understood: \(understood.joined(separator: ", "))") }
        if !ignored.isEmpty { out.append("not understood: \(ignored.joined(separator: ", "))") }
        return out
    }
}
