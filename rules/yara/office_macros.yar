// Office documents carrying VBA macros: the most common way malware arrives by mail.
// Tagged (score 6) rather than refused, since some offices still exchange macro spreadsheets;
// a site can refuse them with  [policy.actions] YARA_OFFICE_VBA_MACROS = "reject".

rule office_vba_macros
{
    meta:
        description = "Office document with VBA macros"
        score = 6
    strings:
        $vba_project = "_VBA_PROJECT" wide
        $vb_name = "Attribute VB_Name"
        $ooxml_part = "vbaProject.bin"
    condition:
        // OLE compound file (.doc, .xls, .ppt, or an OOXML vbaProject.bin) with a VBA project
        (uint32(0) == 0xE011CFD0 and uint32(4) == 0xE11AB1A1 and ($vba_project or $vb_name))
        // OOXML zip (.docm, .xlsm, .pptm) whose directory names a VBA part
        or (uint32(0) == 0x04034B50 and $ooxml_part)
}
