// HTML attachments that ask for a password and send it elsewhere: a credential-phishing page
// opened locally from the attachment, where no browser warning protects the reader.

rule html_credential_phish
{
    meta:
        description = "HTML attachment with a password field that posts to another site"
        score = 10
        action = "reject"
        reply = "554 5.7.1"
    strings:
        $html1 = "<html" nocase
        $html2 = "<!doctype html" nocase
        $html3 = "<body" nocase
        $password = /<input[^>]{0,300}type\s*=\s*["']?password/ nocase
        $form_remote = /<form[^>]{0,400}action\s*=\s*["']?https?:\/\// nocase
        $script_send = /(fetch\s*\(|XMLHttpRequest|\$\.(ajax|post)\s*\(|navigator\.sendBeacon|\.submit\s*\(\s*\))/
        $script_remote = /https?:\/\/[a-z0-9.-]{3,}/ nocase
    condition:
        any of ($html*) and $password and ($form_remote or ($script_send and $script_remote))
}
