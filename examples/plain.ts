// Plain TypeScript: your own client and auth, an enriched answer, one dropped.
import { ask, init, on } from 'touchpoint'

init({
  endpoint: 'https://collector.example.com/v1/responses',
  site: 'acme-app',
  // Add what the app knows; drop answers from staff accounts.
  beforeSend: (answer) => (answer.context?.staff ? null : { ...answer, context: { ...answer.context, release: '2026.12' } }),
  // Deliver through the app's own client (retries, Retry-After and the outbox stay Touchpoint's).
  transport: async (body) => {
    const res = await fetch('https://collector.example.com/v1/responses', {
      method: 'POST',
      body,
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + localStorage.getItem('token') },
    })
    return { status: res.status, retryAfter: Number(res.headers.get('Retry-After')) || null }
  },
})

on('failed', ({ reason, permanent }) => permanent && console.warn('answer not delivered:', reason))
document.querySelector('#finish')?.addEventListener('click', () => void ask('ces', { touchpoint: 'setup-finished', stage: 'onboarding', comment: 'low' }))
