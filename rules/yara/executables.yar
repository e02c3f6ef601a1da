// Executables have no business in official mail: refused outright (amavisd-new's "banned files").
// Matched on content (magic bytes), not on the name, so a renamed .exe is caught too.

rule executable_pe
{
    meta:
        description = "Windows executable (PE) attachment"
        score = 10
        action = "reject"
        reply = "554 5.7.1"
    condition:
        filesize > 64 and uint16(0) == 0x5A4D and
        uint32(0x3C) < filesize - 4 and uint32(uint32(0x3C)) == 0x00004550
}

rule executable_elf
{
    meta:
        description = "Linux/Unix executable (ELF) attachment"
        score = 10
        action = "reject"
        reply = "554 5.7.1"
    condition:
        filesize > 52 and uint32(0) == 0x464C457F and (uint8(4) == 1 or uint8(4) == 2)
}

rule double_extension
{
    meta:
        description = "File name hides an executable behind a document extension (bao-cao.pdf.exe)"
        score = 10
        action = "reject"
        reply = "554 5.7.1"
    condition:
        filename matches /\.(pdf|docx?|xlsx?|pptx?|odt|ods|rtf|txt|jpe?g|png|gif|zip|rar|html?)[ ._-]*\.(exe|scr|com|bat|cmd|pif|cpl|js|jse|vbs|vbe|wsf|hta|msi|lnk|ps1|jar|iso)$/i
}
