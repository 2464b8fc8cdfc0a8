import CloudFirstCore
import Foundation

/// Why generated files could not be written.
public enum OutputError: CloudFirstError, CustomStringConvertible, Equatable {
    case outputIsAFile(String)
    case insideInventory(output: String, inventory: String)
    case notWritable(String, reason: String)
    case unreadableManifest(String, reason: String)
    /// Files a person has changed since cloudfirst wrote them (or wrote themselves): nothing was written.
    case editedFiles([String])

    /// True for a failure of the machine (a disk, a permission) rather than of what the user asked for.
    public var isIOFailure: Bool {
        if case .notWritable = self { return true }
        return false
    }

    /// The one exit status every command that writes files gives for this failure: 3 for a failure of the machine
    /// (a disk, a permission); otherwise 2, for the refusal is about what the user gave or left there: an output
    /// that is a file or inside an inventory, a manifest that is not one, or a file a person edited since cloudfirst
    /// wrote it. Exit code 1 is kept for an inventory that fails the policy asked for (DESIGN.md section 4).
    public var exitStatus: ExitStatus { isIOFailure ? .internalFailure : .invalidInput }
    public var message: String { "cloudfirst: \(description)" }

    public var description: String {
        switch self {
        case .outputIsAFile(let path):
            "the output '\(path)' is a file, not a folder"
        case .insideInventory(let output, let inventory):
            "the output '\(output)' is inside the inventory folder '\(inventory)': generated files would be read as "
                + "inventory next time; choose a folder outside it"
        case .notWritable(let path, let reason):
            "cannot write '\(path)': \(reason)"
        case .unreadableManifest(let path, let reason):
            "the manifest '\(path)' cannot be read (\(reason)); remove it, or run again with --force"
        case .editedFiles(let paths):
            paths.count == 1
                ? "1 file was changed by hand since cloudfirst wrote it, and nothing was written: " + paths[0]
                    + ". Keep your edits by moving the file aside, or overwrite it with --force"
                : "\(paths.count) files were changed by hand since cloudfirst wrote them, and nothing was written: "
                    + paths.joined(separator: ", ") + ". Keep your edits by moving the files aside, or overwrite "
                    + "them with --force"
        }
    }
}

/// What a run would do to each file.
public struct WriteSummary: Sendable, Equatable {
    public var created: [String] = []
    public var updated: [String] = []
    public var unchanged: [String] = []
    /// Edited by a person since generated, or not cloudfirst's at all; including files an earlier run wrote that
    /// this one no longer would, when a person has changed them since.
    public var edited: [String] = []
    /// Files an earlier run wrote that this one no longer would (a wave that went away), untouched since: they are
    /// deleted, so that no stale Terraform builds a server twice.
    public var removed: [String] = []
}

/// Writes generated files into a folder: atomically (a temporary file renamed into place), leaving unchanged files
/// alone, and never overwriting a file a person edited unless forced. A manifest records the SHA-256 of every file
/// as cloudfirst wrote it, which is how an edit is told from an old generation.
public struct OutputWriter: Sendable {
    public let root: String
    public static let manifestName = ".cloudfirst-manifest.json"

    public init(root: String) {
        self.root = root
    }

    var manifestPath: String { (root as NSString).appendingPathComponent(Self.manifestName) }

    /// Refuses an output folder that is a file or lies inside an inventory folder that was read.
    public func checkPlace(inventoryFolders: [String]) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: root, isDirectory: &isFolder), !isFolder.boolValue {
            throw OutputError.outputIsAFile(root)
        }
        let output = URL(fileURLWithPath: root).standardizedFileURL.resolvingSymlinksInPath().path
        for folder in inventoryFolders {
            let inventory = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath().path
            if output == inventory || output.hasPrefix(inventory.hasSuffix("/") ? inventory : inventory + "/") {
                throw OutputError.insideInventory(output: root, inventory: folder)
            }
        }
    }

    /// Makes the output folder and proves a file can be written there, before anything is generated into it: an
    /// unwritable place fails at once, with nothing half-written.
    public func prepare() throws {
        try Self.makeFolders(root)
        let probe = (root as NSString).appendingPathComponent(".cloudfirst-write-test-\(UUID().uuidString)")
        let descriptor = open(probe, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else { throw OutputError.notWritable(root, reason: String(cString: strerror(errno))) }
        close(descriptor)
        unlink(probe)
    }

    func readManifest() throws -> [String: String] {
        guard let data = FileManager.default.contents(atPath: manifestPath) else { return [:] }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let files = object["files"] as? [String: String] else {
            throw OutputError.unreadableManifest(manifestPath, reason: "not a cloudfirst manifest")
        }
        return files
    }

    /// What writing `files` would do, without writing anything. `scopes` are the folders this run owns (a cloud's
    /// folder): a file the manifest lists under them that this run does not write is stale. An empty scope owns all.
    public func summarise(_ files: [GeneratedFile], scopes: [String] = [""], force: Bool = false) throws
        -> WriteSummary {
        let manifest = force ? ((try? readManifest()) ?? [:]) : try readManifest()
        var summary = WriteSummary()
        for file in files {
            let path = (root as NSString).appendingPathComponent(file.path)
            guard let existing = FileManager.default.contents(atPath: path) else {
                summary.created.append(file.path)
                continue
            }
            if existing == Data(file.contents.utf8) {
                summary.unchanged.append(file.path)
            } else if let recorded = manifest[file.path], recorded == SHA256.hex(Array(existing)) {
                summary.updated.append(file.path)
            } else {
                summary.edited.append(file.path)
            }
        }
        let written = Set(files.map(\.path))
        for (path, recorded) in manifest.sorted(by: { $0.key < $1.key })
        where !written.contains(path) && scopes.contains(where: { $0.isEmpty || path.hasPrefix($0 + "/") }) {
            guard let existing = FileManager.default.contents(atPath: (root as NSString).appendingPathComponent(path))
            else {
                summary.removed.append(path)
                continue
            }
            if SHA256.hex(Array(existing)) == recorded { summary.removed.append(path) } else { summary.edited.append(path) }
        }
        return summary
    }

    /// Writes what changed and deletes what went stale. With edited files and no `force`, writes nothing and throws
    /// `editedFiles`; with `force`, an unreadable manifest counts as empty.
    @discardableResult
    public func write(_ files: [GeneratedFile], scopes: [String] = [""], force: Bool, generator: String,
                      progress: (Int, Int) -> Void = { _, _ in }) throws -> WriteSummary {
        let summary = try summarise(files, scopes: scopes, force: force)
        if !summary.edited.isEmpty, !force { throw OutputError.editedFiles(summary.edited) }
        var recorded = force ? ((try? readManifest()) ?? [:]) : try readManifest()
        let toWrite = Set(summary.created + summary.updated + summary.edited)
        let written = Set(files.map(\.path))
        for (index, file) in files.enumerated() {
            progress(index + 1, files.count)
            recorded[file.path] = SHA256.hex(Array(file.contents.utf8))
            guard toWrite.contains(file.path) else { continue }
            try Self.atomicWrite(Data(file.contents.utf8), to: (root as NSString).appendingPathComponent(file.path))
        }
        // Stale files: the untouched ones, and (forced) the edited ones no run writes any more.
        for path in summary.removed + summary.edited.filter({ !written.contains($0) }) {
            let full = (root as NSString).appendingPathComponent(path)
            unlink(full)
            recorded[path] = nil
            // A folder left empty (a wave that went away) goes too; a folder with anything else in it stays.
            rmdir((full as NSString).deletingLastPathComponent)
        }
        let entries = recorded.sorted { $0.key < $1.key }
            .map { "    \(Self.jsonString($0.key)): \(Self.jsonString($0.value))" }.joined(separator: ",\n")
        let manifestText = "{\n  \"generator\": \(Self.jsonString(generator)),\n  \"files\": {\n\(entries)\n  }\n}\n"
        try Self.atomicWrite(Data(manifestText.utf8), to: manifestPath)
        return summary
    }

    /// Writes to a temporary file beside the target and renames it into place, so a reader never sees half a file.
    static func atomicWrite(_ data: Data, to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        try makeFolders(folder)
        let temporary = (folder as NSString).appendingPathComponent(".\((path as NSString).lastPathComponent)."
            + "\(UUID().uuidString).tmp")
        // open, write, rename: readers see the old file or the new one, never half of one. No fsync: the rename is
        // what makes the write atomic, and syncing each of tens of thousands of files would cost more than writing.
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else { throw OutputError.notWritable(path, reason: String(cString: strerror(errno))) }
        var failure: String?
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Foundation.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += written
            }
        }
        if close(descriptor) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        if failure == nil, rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw OutputError.notWritable(path, reason: failure)
        }
    }

    /// `mkdir -p`, with the operating system's words when it fails ("Permission denied", "No such file or
    /// directory"), not Foundation's.
    static func makeFolders(_ path: String) throws {
        var current = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            current += component + "/"
            if mkdir(current, 0o755) != 0, errno != EEXIST {
                throw OutputError.notWritable(path, reason: String(cString: strerror(errno)))
            }
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
            throw OutputError.notWritable(path, reason: "a file stands where a folder must go")
        }
    }

    static func jsonString(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
