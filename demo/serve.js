// npm run demo: serves the demo shop (which loads dist/touchpoint.js by script tag) and the local
// collector it posts to. Ports: DEMO_PORT (5173) and COLLECTOR_PORT (5174).
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'
import { startCollector, startStatic } from './server.js'

const here = dirname(fileURLToPath(import.meta.url))
const collectorPort = Number(process.env.COLLECTOR_PORT || 5174)
const collector = await startCollector({ port: collectorPort, file: join(here, 'answers.jsonl') })
const site = await startStatic({
  port: Number(process.env.DEMO_PORT || 5173),
  routes: { '/': join(here, 'site'), '/dist/': join(here, '..', 'dist') },
})
console.log(`
  Demo shop:  ${site.url}/
  Collector:  ${collector.url}/   (answers received; JSON at ${collector.url}/answers.json)
  Endpoint:   ${collector.endpoint}   (stored in demo/answers.jsonl)

  Press Ctrl+C to stop.
`)
