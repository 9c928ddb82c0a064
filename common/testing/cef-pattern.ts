/** A CEF line: syslog date, host, seven header fields (escaped pipes allowed), extension pairs. */
export const CEF_LINE =
  /^[A-Z][a-z]{2} \d{2} \d{2}:\d{2}:\d{2} \S+ CEF:0(\|(?:[^|\\]|\\[|\\])*){6}\|((\w+=(?:[^=\\\n]|\\[=\\nr])*)( \w+=(?:[^=\\\n]|\\[=\\nr])*)*)$/;
