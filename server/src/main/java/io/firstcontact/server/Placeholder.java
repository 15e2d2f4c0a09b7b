package io.firstcontact.server;

final class Placeholder {}
