#!/usr/bin/env python3
"""A synthetic RVTools workbook of N VMs, the same bytes for the same N and seed: the import benchmark's input.

Its vInfo sheet has the 89 columns of an RVTools 4.x export, in the order and spelling of the public sample
Tests/ImportingTests/Fixtures/rvtools/kubev2v-example1.xlsx (with Annotation added where RVTools 4.x puts it), every
text cell a shared string and every number a number, as Excel writers do; vMetaData carries the version and date.
The values are invented (the project's own), spread as an estate's are: a few hundred hosts, a handful of
datacenters, one VM in ten powered off, one in forty a template. Python 3 standard library only.

usage: rvtools_workbook.py --vms N --seed S --out FILE.xlsx
"""
import argparse, random, zipfile
from xml.sax.saxutils import escape

HEADER = ("VM|Powerstate|Template|SRM Placeholder|Config status|Connection state|Guest state|Heartbeat|"
          "Consolidation Needed|PowerOn|Suspended To Memory|Suspend time|Suspend Interval|Creation date|"
          "Change Version|CPUs|Overall Cpu Readiness|Memory|Active Memory|NICs|Disks|Total disk capacity MiB|"
          "Fixed Passthru HotPlug|min Required EVC Mode Key|Latency Sensitivity|Op Notification Timeout|EnableUUID|"
          "CBT|Primary IP Address|Network #1|Network #2|Network #3|Network #4|Network #5|Network #6|Network #7|"
          "Network #8|Num Monitors|Video Ram KiB|Resource pool|Folder ID|Folder|vApp|DAS protection|FT State|"
          "FT Role|FT Latency|FT Bandwidth|FT Sec. Latency|Vm Failover In Progress|Provisioned MiB|In Use MiB|"
          "Unshared MiB|HA Restart Priority|HA Isolation Response|HA VM Monitoring|Cluster rule(s)|"
          "Cluster rule name(s)|Boot Required|Boot delay|Boot retry delay|Boot retry enabled|Boot BIOS setup|"
          "Reboot PowerOff|EFI Secure boot|Firmware|HW version|HW upgrade status|Annotation|Datacenter|Cluster|"
          "Host|OS according to the configuration file|OS according to the VMware Tools|Customization Info|"
          "Guest Detailed Data|VM ID|VM UUID|VI SDK Server type|VI SDK API Version").split("|")
OSES = ["Microsoft Windows Server 2019 (64-bit)", "Microsoft Windows Server 2016 (64-bit)",
        "Microsoft Windows Server 2012 (64-bit)", "Red Hat Enterprise Linux 8 (64-bit)",
        "Red Hat Enterprise Linux 7 (64-bit)", "Ubuntu Linux (64-bit)", "CentOS 7 (64-bit)",
        "Microsoft Windows Server 2008 R2 (64-bit)", "SUSE Linux Enterprise 12 (64-bit)"]
NETWORKS = ["VLAN-100-Servers", "VLAN-200-DMZ", "VLAN-300-Backup", "VLAN-400-Clinical", "VLAN-500-Admin"]


def column_letters(index):
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def row_values(rng, n):
    """One VM's cells, by column name: str for text, int or float for numbers, None for empty."""
    dc = n % 5
    host = f"esx{dc:02d}-{(n * 7919) % 400:03d}.trust.example"
    os_name = OSES[rng.randrange(len(OSES))]
    cpus = rng.choice([1, 2, 2, 4, 4, 4, 8, 8, 16])
    memory = rng.choice([2048, 4096, 8192, 8192, 16384, 32768])
    disks = rng.choice([1, 1, 2, 2, 3, 4])
    capacity = sum(rng.choice([40960, 61440, 102400, 204800, 512000]) for _ in range(disks))
    provisioned = capacity + memory
    in_use = int(provisioned * rng.uniform(0.2, 0.95))
    powered = "poweredOff" if rng.random() < 0.1 else "poweredOn"
    ip = f"10.{dc}.{(n >> 8) & 255}.{n & 255}"
    uuid = "%08x-%04x-%04x-%04x-%012x" % (rng.getrandbits(32), rng.getrandbits(16), rng.getrandbits(16),
                                         rng.getrandbits(16), rng.getrandbits(48))
    return {
        "VM": f"vm{n:06d}-{rng.choice(['app', 'db', 'web', 'file', 'pacs', 'epr'])}",
        "Powerstate": powered, "Template": "True" if rng.random() < 0.025 else "False", "SRM Placeholder": "False",
        "Config status": "green", "Connection state": "connected",
        "Guest state": "running" if powered == "poweredOn" else "notRunning", "Heartbeat": "green",
        "Consolidation Needed": "False", "PowerOn": f"2025/{1 + n % 12:02d}/{1 + n % 28:02d} 03:{n % 60:02d}:00",
        "Suspended To Memory": "False", "Creation date": f"2019/{1 + n % 12:02d}/{1 + n % 28:02d} 10:00:00",
        "Change Version": f"2025-01-{1 + n % 28:02d}T10:00:00.{n % 1000:03d}Z", "CPUs": cpus,
        "Overall Cpu Readiness": 0, "Memory": memory, "Active Memory": memory // 10, "NICs": 1, "Disks": disks,
        "Total disk capacity MiB": capacity, "Fixed Passthru HotPlug": "False", "Latency Sensitivity": "normal",
        "Op Notification Timeout": 0, "EnableUUID": "False", "CBT": "True", "Primary IP Address": ip,
        "Network #1": NETWORKS[n % len(NETWORKS)], "Num Monitors": 1, "Video Ram KiB": 4096,
        "Resource pool": f"/Resources/pool-{n % 7}", "Folder ID": f"group-v{100 + n % 50}",
        "Folder": f"/dc{dc}/vm/Folder{n % 50}", "DAS protection": "True", "FT State": "notConfigured",
        "Vm Failover In Progress": "False", "Provisioned MiB": provisioned, "In Use MiB": in_use,
        "Unshared MiB": in_use, "HA Restart Priority": "medium", "HA Isolation Response": "none",
        "HA VM Monitoring": "vmMonitoringDisabled", "Boot Required": "False", "Boot delay": 0,
        "Boot retry delay": 10000, "Boot retry enabled": "False", "Boot BIOS setup": "False",
        "Reboot PowerOff": "False", "EFI Secure boot": "False", "Firmware": rng.choice(["bios", "efi"]),
        "HW version": rng.choice(["vmx-13", "vmx-14", "vmx-19"]), "HW upgrade status": "none",
        "Annotation": f"owner: team-{n % 40}" if n % 3 == 0 else None, "Datacenter": f"DC-{dc}",
        "Cluster": f"cluster-{dc}-{n % 8}", "Host": host, "OS according to the configuration file": os_name,
        "OS according to the VMware Tools": os_name if powered == "poweredOn" else None,
        "VM ID": f"vm-{1000 + n}", "VM UUID": uuid, "VI SDK Server type": "VMware vCenter Server",
        "VI SDK API Version": "8.0.2.0",
    }


def write(path, vms, seed):
    rng = random.Random(seed)
    strings, order = {}, []

    def shared(text):
        if text not in strings:
            strings[text] = len(order)
            order.append(text)
        return strings[text]

    def cell(ref, value):
        if value is None:
            return ""
        if isinstance(value, str):
            return f'<c r="{ref}" t="s"><v>{shared(value)}</v></c>'
        return f'<c r="{ref}"><v>{value}</v></c>'

    letters = [column_letters(index) for index in range(len(HEADER))]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            part.write(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://'
                       b'schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
            part.write(("<row r=\"1\">" + "".join(cell(f"{letters[i]}1", name) for i, name in enumerate(HEADER))
                        + "</row>").encode())
            for n in range(vms):
                values = row_values(rng, n)
                number = n + 2
                part.write((f'<row r="{number}">' + "".join(cell(f"{letters[i]}{number}", values.get(name))
                                                             for i, name in enumerate(HEADER)) + "</row>").encode())
            part.write(b"</sheetData></worksheet>")
        meta = ["RVTools version", "xlsx creation datetime", "Server"]
        values = ["4.7.1.4", 45748.395833, "vcenter.trust.example"]  # an Excel serial date: 2025-04-01 09:30
        archive.writestr("xl/worksheets/sheet2.xml",
                         '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                         'spreadsheetml/2006/main"><sheetData><row r="1">'
                         + "".join(cell(f"{column_letters(i)}1", v) for i, v in enumerate(meta)) + '</row><row r="2">'
                         + "".join(cell(f"{column_letters(i)}2", v) for i, v in enumerate(values))
                         + "</row></sheetData></worksheet>")
        with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as part:
            part.write(f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.'
                       f'openxmlformats.org/spreadsheetml/2006/main" uniqueCount="{len(order)}">'.encode())
            for text in order:
                part.write(f"<si><t>{escape(text)}</t></si>".encode())
            part.write(b"</sst>")
        main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        archive.writestr("[Content_Types].xml",
                         '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
                         'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxml'
                         'formats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
                         '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
                         'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" '
                         'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                         '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-'
                         'officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" '
                         'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
                         '</Types>')
        archive.writestr("_rels/.rels",
                         '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.'
                         f'org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/officeDocument" '
                         'Target="xl/workbook.xml"/></Relationships>')
        archive.writestr("xl/workbook.xml",
                         f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
                         '<sheet name="vInfo" sheetId="1" r:id="rId1"/><sheet name="vMetaData" sheetId="2" '
                         'r:id="rId2"/></sheets></workbook>')
        archive.writestr("xl/_rels/workbook.xml.rels",
                         '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.'
                         f'org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/worksheet" '
                         f'Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{rel}/worksheet" '
                         f'Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="{rel}/sharedStrings" '
                         'Target="sharedStrings.xml"/></Relationships>')


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--vms", type=int, required=True)
    parser.add_argument("--seed", type=int, default=20250401)
    parser.add_argument("--out", required=True)
    options = parser.parse_args()
    write(options.out, options.vms, options.seed)


if __name__ == "__main__":
    main()
