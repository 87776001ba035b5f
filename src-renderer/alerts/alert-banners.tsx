import { keepFocus } from '../focus/keep-focus'
import { useAppState } from '../state/store-context'

/** Failures the performer must see (a stop that did not go out, a tab not saved), until dismissed. */
export function AlertBanners() {
  const alerts = useAppState((state) => state.alerts)
  const dismiss = useAppState((state) => state.dismissAlert)
  if (alerts.length === 0) return null
  return (
    <div className="alerts">
      {alerts.map((alert) => (
        <div
          key={alert.key}
          role="alert"
          className={`alert ${alert.key}`}
          data-testid="alert"
          data-alert={alert.key}
        >
          <span className="alert-text">{alert.text}</span>
          {alert.actions ? (
            alert.actions.map((action) => (
              <button
                key={action.label}
                onMouseDown={keepFocus}
                onClick={action.run}
                data-action={action.label}
              >
                {action.label}
              </button>
            ))
          ) : (
            <button
              onMouseDown={keepFocus}
              onClick={() => dismiss(alert.key)}
              data-testid="dismiss-alert"
            >
              dismiss
            </button>
          )}
        </div>
      ))}
    </div>
  )
}
