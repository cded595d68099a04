;;; condeval-eglot.el --- condeval lsp for SCXML and Composer files with eglot  -*- lexical-binding: t; -*-

;; Load this file (or paste it into init.el); `condeval' must be on
;; exec-path. Composer's .ixnprocess and .workflow files are XML, so they
;; get a mode derived from nxml-mode that eglot can tell apart from other
;; XML; .cond files (one condition per line) get one derived from js-mode.

(require 'eglot)

(define-derived-mode condeval-scxml-mode nxml-mode "SCXML"
  "nxml-mode for SCXML and Composer diagrams, linted by condeval.")

(define-derived-mode condeval-cond-mode js-mode "Cond"
  "js-mode for condeval condition lists (.cond).")

(add-to-list 'auto-mode-alist '("\\.\\(scxml\\|ixnprocess\\|workflow\\)\\'" . condeval-scxml-mode))
(add-to-list 'auto-mode-alist '("\\.cond\\'" . condeval-cond-mode))

(add-to-list 'eglot-server-programs
             '((condeval-scxml-mode condeval-cond-mode) . ("condeval" "lsp")))

;; Settings are the lint command's, sent as workspace configuration:
;; (setq-default eglot-workspace-configuration
;;               '(:condeval (:disable ["C206"] :severity (:enum-value "error"))))

(add-hook 'condeval-scxml-mode-hook #'eglot-ensure)
(add-hook 'condeval-cond-mode-hook #'eglot-ensure)

(provide 'condeval-eglot)
;;; condeval-eglot.el ends here
