import { Router } from 'express';
import { htmlPage } from '../../platform/http/html.js';

// Staff pages are shells: each loads its bundled script, which fetches data through the API.
const shell = (title: string, script: string, styles: string[] = []) =>
  htmlPage({
    title,
    script,
    styles: ['dashboard.css', ...styles],
    body: `<a class="skip-link" href="#main">Skip to content</a>
<header class="topbar"><a class="brand" href="/dashboard">Staff wellbeing and retention</a><nav id="nav" aria-label="Main"></nav></header>
<main id="main" class="page wide" tabindex="-1"><p class="loading" role="status">Loading…</p></main>`,
  });

const login = htmlPage({
  title: 'Sign in',
  script: 'login',
  styles: ['dashboard.css'],
  body: `<header class="topbar"><span class="brand">Staff wellbeing and retention</span></header>
<main id="main" class="page">
  <h1>Sign in</h1>
  <p class="muted">For HR leads, researchers and administrators. Survey respondents never need an account.</p>
  <form id="login" class="stack" novalidate>
    <div><label for="email">Email address</label><input id="email" name="email" type="email" autocomplete="username" required></div>
    <div><label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required></div>
    <div id="login-error" role="alert"></div>
    <div><button type="submit" class="primary">Sign in</button></div>
  </form>
</main>`,
});

export const dashboardPages = Router()
  .get('/', (_req, res) => {
    res.redirect(302, '/dashboard');
  })
  .get('/login', (_req, res) => {
    res.type('html').send(login);
  })
  .get('/dashboard', (_req, res) => {
    res.type('html').send(shell('Council dashboard', 'dashboard'));
  })
  // ?council=<code>&wave=<id>: a council × wave's measures by demographic band
  .get('/breakdown', (_req, res) => {
    res.type('html').send(shell('Results by staff group', 'breakdown'));
  })
  .get('/research', (_req, res) => {
    res.type('html').send(shell('Research: arms and councils', 'research'));
  })
  .get('/research/findings', (_req, res) => {
    res.type('html').send(shell('Research findings', 'research-findings'));
  })
  // ?survey=<id>@<version>: the codebook as a page to read and print (researchers and admins)
  .get('/codebook', (_req, res) => {
    res.type('html').send(shell('Codebook', 'codebook'));
  })
  .get('/admin', (_req, res) => {
    res.type('html').send(shell('Administration', 'admin'));
  })
  // the respondent page for a survey an admin is checking (the definition comes from the admin page)
  .get('/admin/survey-preview', (_req, res) => {
    res.type('html').send(shell('Survey preview', 'survey-preview', ['survey-core.fontless.css']));
  })
  // ?council=<code>&campaign=<code>: for admins and the council's HR leads
  .get('/invitations', (_req, res) => {
    res.type('html').send(shell('Email invitations', 'invitations'));
  });
