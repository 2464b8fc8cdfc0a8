#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One inventory to read: a file on disk, or bytes already in memory (the embedded sample estate).
public struct InventorySource: Sendable {
    public enum Contents: Sendable {
        case file(String)
        case bytes([UInt8])
    }

    /// How diagnostics name it.
    public var displayPath: String
    public var contents: Contents

    public init(displayPath: String, contents: Contents) {
        self.displayPath = displayPath
        self.contents = contents
    }
}

/// What reading an estate produced: the estate when there were no errors, and every diagnostic, sorted.
public struct LoadResult: Sendable {
    public var estate: Estate?
    public var diagnostics: [Diagnostic]
    /// Every file that was read, in order.
    public var files: [String]
}

/// Reads an estate from files and folders: discovery, YAML, schema, then references across all files.
public enum EstateLoader {
    public static let inventoryExtensions = ["yaml", "yml"]

    /// Loads the files and folders named by `paths`. Files that name different organisations are an error unless
    /// `combineOrganisations` is true.
    public static func load(paths: [String], limits: YAMLLimits = YAMLLimits(),
                            combineOrganisations: Bool = false) -> LoadResult {
        var diagnostics: [Diagnostic] = []
        let sources = discover(paths: paths, diagnostics: &diagnostics)
        var result = load(sources, limits: limits, combineOrganisations: combineOrganisations)
        if !diagnostics.isEmpty {
            result.diagnostics = (diagnostics + result.diagnostics).sorted()
            result.estate = nil
        }
        return result
    }

    /// Loads sources that are already discovered.
    public static func load(_ sources: [InventorySource], limits: YAMLLimits = YAMLLimits(),
                            combineOrganisations: Bool = false) -> LoadResult {
        var diagnostics: [Diagnostic] = []
        var files: [InventoryFile] = []
        let contents = DecodedContents()
        var everyFileRead = true
        for (index, source) in sources.enumerated() {
            let fileContents = DecodedContents()
            let (object, problems) = decode(source, fileIndex: index, into: fileContents, limits: limits)
            diagnostics += problems
            files.append(InventoryFile(path: source.displayPath,
                                       organisation: object?.object("organisation").map(Organisation.init)))
            guard let object else {
                // A file that could not be read at all says nothing about ids: checking other files' references
                // against the rest would only add noise. Its own problem is the one to fix first.
                everyFileRead = false
                continue
            }
            if let assumptions = object.object("assumptions") { fileContents.assumptions.append(Assumptions(assumptions)) }
            contents.absorb(fileContents)
        }
        var builder = EstateBuilder(files: files)
        let estate = builder.finish(contents, checkReferences: everyFileRead,
                                   combineOrganisations: combineOrganisations)
        diagnostics += builder.diagnostics
        diagnostics = Array(Set(diagnostics)).sorted()
        return LoadResult(estate: diagnostics.hasErrors ? nil : estate, diagnostics: diagnostics,
                          files: files.map(\.path))
    }

    /// Decodes one file; its sites, servers and services go straight into `contents` as they are decoded.
    static func decode(_ source: InventorySource, fileIndex: Int, into contents: DecodedContents,
                       limits: YAMLLimits) -> (ObjectValue?, [Diagnostic]) {
        let bytes: [UInt8]
        switch source.contents {
        case .bytes(let embedded): bytes = embedded
        case .file(let path):
            switch FileReader.read(path) {
            case .success(let read): bytes = read
            case .failure(let problem):
                return (nil, [Diagnostic(file: source.displayPath, position: nil, problem: problem)])
            }
        }
        let result = bytes.withUnsafeBufferPointer {
            InventoryReader.read($0, fileIndex: fileIndex, into: contents, limits: limits)
        }
        switch result {
        case .failure(let error):
            return (nil, [Diagnostic(file: source.displayPath, position: error.position, problem: error.problem)])
        case .success(let (object, problems)):
            return (object, problems.map { Diagnostic(file: source.displayPath, position: $0.1, problem: $0.0) })
        }
    }

    /// Expands folders into the inventory files under them (recursively, sorted, hidden entries skipped). A file is
    /// read once however many ways it is named (two paths, a folder and a file in it, symbolic links), and a folder
    /// once, so links that loop end.
    public static func discover(paths: [String], diagnostics: inout [Diagnostic]) -> [InventorySource] {
        var sources: [InventorySource] = []
        var seen = Set<FileIdentity>()
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0 else {
                let problem: InventoryProblem = errno == ENOENT || errno == ENOTDIR
                    ? .pathNotFound(path) : .unreadable(path, reason: FileReader.describe(errno))
                diagnostics.append(Diagnostic(file: path, position: nil, problem: problem))
                continue
            }
            if info.st_mode & S_IFMT == S_IFDIR {
                if seen.contains(FileIdentity(info)) { continue }
                var found: [String] = []
                var inventories = 0
                if let problem = FileReader.listInventoryFiles(in: path, into: &found, counting: &inventories,
                                                               seen: &seen) {
                    diagnostics.append(Diagnostic(file: path, position: nil, problem: problem))
                    continue
                }
                if inventories == 0 {
                    diagnostics.append(Diagnostic(file: path, position: nil, problem: .noInventoryFiles(path)))
                }
                sources += found.sorted().map { InventorySource(displayPath: $0, contents: .file($0)) }
            } else if seen.insert(FileIdentity(info)).inserted {
                sources.append(InventorySource(displayPath: path, contents: .file(path)))
            }
        }
        return sources
    }
}

/// A file or folder as the system knows it, whatever path names it.
struct FileIdentity: Hashable {
    let device: UInt64
    let inode: UInt64

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}

#if canImport(Glibc)
private let posixRead = Glibc.read
#else
private let posixRead = Darwin.read
#endif

/// Plain POSIX file access: exact errors (permission denied, is a folder) and one read per file.
enum FileReader {
    /// Reads a whole file, or fails cleanly: a folder, a device, or more than `limit` bytes (checked before and
    /// while reading, so a pipe that never ends cannot exhaust memory).
    static func read(_ path: String, limit: Int = YAMLLimits().maxInputBytes) -> Result<[UInt8], InventoryProblem> {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return .failure(.unreadable(path, reason: describe(errno))) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(.unreadable(path, reason: describe(errno))) }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .failure(.unreadable(path, reason: "it is a folder"))
        case S_IFREG, S_IFIFO: break
        default: return .failure(.unreadable(path, reason: "it is a device, not a file"))
        }
        if Int(info.st_size) > limit { return .failure(.fileTooLarge(bytes: Int(info.st_size), limit: limit)) }
        var bytes: [UInt8] = []
        var capacity = max(Int(info.st_size), 0) + 1
        bytes.reserveCapacity(capacity)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { posixRead(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable(path, reason: describe(errno)))
            }
            if count == 0 { break }
            if bytes.count + count > limit { return .failure(.fileTooLarge(bytes: bytes.count + count, limit: limit)) }
            if bytes.count + count > capacity {
                capacity *= 2
                bytes.reserveCapacity(capacity)
            }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return .success(bytes)
    }

    /// Collects the regular `*.yaml` / `*.yml` files under `folder` not already in `seen`; `inventories` counts every
    /// one met, read before or not. A folder already in `seen` is not entered again.
    static func listInventoryFiles(in folder: String, into found: inout [String], counting inventories: inout Int,
                                   seen: inout Set<FileIdentity>) -> InventoryProblem? {
        var folderInfo = stat()
        guard stat(folder, &folderInfo) == 0, seen.insert(FileIdentity(folderInfo)).inserted else { return nil }
        guard let directory = opendir(folder) else { return .unreadable(folder, reason: describe(errno)) }
        defer { closedir(directory) }
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                // Safe: `d_name` is a fixed-size array inside the entry, never empty, so its bytes have an address.
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name.hasPrefix(".") { continue }
            let path = prefix + name
            var info = stat()
            guard stat(path, &info) == 0 else { continue }
            if info.st_mode & S_IFMT == S_IFDIR {
                if let problem = listInventoryFiles(in: path, into: &found, counting: &inventories, seen: &seen) {
                    return problem
                }
            } else if info.st_mode & S_IFMT == S_IFREG, let dot = name.lastIndex(of: "."),
                      EstateLoader.inventoryExtensions.contains(name[name.index(after: dot)...].lowercased()) {
                inventories += 1
                if seen.insert(FileIdentity(info)).inserted { found.append(path) }
            }
        }
        return nil
    }

    static func describe(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: "permission denied"
        case ENOENT: "no such file"
        case EISDIR: "it is a folder"
        default: String(cString: strerror(code))
        }
    }
}
