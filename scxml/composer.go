package scxml

// Names Composer gives the code it generates, which a reading of its files
// must know rather than read.

// ComposerExitEvent is the event a Composer IPD ends the session on: the
// SCXML Composer generates for an IPD has, in its application region,
// <transition event="application.exit" target="_composer_global_exit"/>,
// a top-level <final>. An .ixnprocess or a .workflow holds only the
// handlers, so for them this transition is known rather than read.
const ComposerExitEvent = "application.exit"

// ComposerHandlerState is the state Composer generates an IPD's event
// handlers into, a region beside the application's.
const ComposerHandlerState = "_composer_event_handler"

// PrefixPlaceholder stands, in Composer's subroutine templates and
// workflows, for the prefix of the workflow's state ids: Composer replaces
// it when the IPD includes the generated workflow, so a target starting
// with it names a state only once generated.
const PrefixPlaceholder = "$$_MY_PREFIX_$$"
